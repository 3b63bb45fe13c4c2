using Lucene.Net.Search.Similarities;

namespace Funeng.Catalog.Search;

/// <summary>
/// The ranker's weights in one place, so that the time-split bench (bench/Scenarios.Bench, <c>timesplit --split train
/// --sweep</c>) can try values without rebuilding. <see cref="Default"/> holds the values chosen on the training
/// split (batches ≤ 2024-12); bench/results/timesplit.md says which and why.
/// </summary>
internal sealed record SearchTuning
{
    public static SearchTuning Default { get; } = new();

    /// <summary>The weights before issue 12's tuning (no bag of terms, no feedback), kept for the bench's before/after.</summary>
    public static SearchTuning Untuned { get; } = new()
    {
        K1 = 1.2f, TitleBoost = 1.5f, LongFraction = 0.3f, LongFloor = 2, BagBoost = 0, FeedbackDocs = 0, SynonymsCapped = false,
    };

    /// <summary>BM25 term-frequency saturation and length normalisation (applied at query time: no re-indexing).</summary>
    public float K1 { get; init; } = 1.8f;

    public float B { get; init; } = 0.75f;

    /// <summary>
    /// A concept found in a title scores this much more than in the other texts. 1.5, not the training split's best 4:
    /// on the training split 1.5 scores 0.518 against 0.519 (timesplit-sweep.md), but on the labelled demo catalog,
    /// whose large models have brand names for titles, 4 let one title hit of one word outrank listings whose summary
    /// held the whole need (matchmaking nDCG@10 0.417 at 4, 0.501 at 1.5; bench/results/scenarios-quality.md).
    /// </summary>
    public float TitleBoost { get; init; } = 1.5f;

    /// <summary>
    /// Whether a Chinese form's title hit (in either title: an imported filing's English title is often its Chinese
    /// name) needs the form as a word of the listing (the word field), not only as bigrams of the title: 通知 is a
    /// bigram of 通通知道 (通通 知道), so 通通知道大模型 led a search for a nursing home's "及时通知护工" with a full title boost.
    /// Only for a form SmartCn keeps as one word (QueryPlan.Forms says why). The same on the training split (0.5252
    /// against 0.5255, whose lexical grades count 通知 in 通通知道 as a hit) and on the labelled demo set; about 0.8 ms at
    /// p50 at 1 M (bench/results/timesplit.md "Eighth change", bench/results/catalog.md stop 26).
    /// </summary>
    public bool TitleAsWord { get; init; } = true;

    /// <summary>
    /// At most this many concepts are searched; a longer text keeps its rarest ones. 8, chosen on the training split:
    /// scenario nDCG@10 0.566 → 0.590 against 32 (10: 0.585, 6: 0.545; timesplit-sweep.md), and matchmaking on the
    /// labelled demo set 0.526 → 0.539. A scenario of thirty concepts no longer puts hundreds of phrase clauses on
    /// every candidate: matchmaking at 1 M spent 460 ms of thread time per need with 32, 173 ms with 8.
    /// </summary>
    public int MaxConcepts { get; init; } = 8;

    /// <summary>
    /// Whether a Chinese character the segmenter leaves on its own in a longer text is a concept too, searched as the
    /// catalog's words that hold it (<see cref="CharacterWords"/>); a text of nothing else (茶, 税) always is. Off: on
    /// the training split scenario nDCG@10 0.599 → 0.579 with it, the rest the same (objective 0.5503 → 0.5457;
    /// <c>TIMESPLIT_SWEEP_AXES=LoneCharacters … timesplit --sweep</c>): a sentence's lone characters are mostly its
    /// particles and verbs, and each word holding them matched.
    /// </summary>
    public bool LoneCharacters { get; init; }

    /// <summary>At most this many forms of a concept are searched: the typed one and the glossary's first names (4 and fewer lose English recall).</summary>
    public int MaxFormsPerConcept { get; init; } = 8;

    /// <summary>Weight of the word-segmented field (SmartCn) beside the bigram field.</summary>
    public float WordsBoost { get; init; } = 1f;

    /// <summary>
    /// Whether glossary names are searched in the word field too, or only the typed word. Off: on the training split
    /// the same (objective 0.5258 off, 0.5254 on; bench/results/timesplit.md, "Fifth change"), while a name's words
    /// there are mostly SmartCn's single characters (客 服 of 客服), whose long postings made up about half of a broad
    /// search's full-query time at 1 M (bench/results/catalog.md, stop 20).
    /// </summary>
    public bool WordsForNames { get; init; }

    /// <summary>
    /// Whether a typed English word is searched in the word field too. Off: SmartCn cuts and stems English as the
    /// bigram field does, so the clause repeated the bigram field's phrase (all:"custom servic", 8 ms over a broad
    /// search's 5,000 candidates at 1 M). On the training split the same without it (objective 0.5255 against
    /// 0.5256); on the labelled demo set matchmaking nDCG@10 0.555 against 0.552. Searching the word field only for
    /// Chinese words that SmartCn keeps whole (not 智 能 客 服) lost scenario recall (0.244 against 0.250): not kept.
    /// </summary>
    public bool WordsForEnglish { get; init; }

    /// <summary>A name's bigrams all present but not together (陪伴…机器人 for 陪伴机器人) score this fraction of the name; 0 requires them together.</summary>
    public float ApartBoost { get; init; }

    /// <summary>A glossary name the user did not type (synonym or translation) scores this fraction of the typed one.</summary>
    public float GlossaryBoost { get; init; } = 0.7f;

    /// <summary>
    /// A glossary name inside the typed one (翻译 of 实时翻译; QueryPlan.Broader) scores this fraction of a glossary
    /// name: 1.4, nearly what the typed word scores for the same terms, which are fewer and more common than the whole
    /// name's, so a listing holding the whole name still ranks first. Chosen on the training split (objective 0.5378
    /// at 0, 0.5409 at 0.7, 0.5415 at 1, 0.5417 at 1.4; bench/results/timesplit-sweep.md); 0 leaves such names out.
    /// </summary>
    public float BroaderBoost { get; init; } = 1.4f;

    /// <summary>
    /// Whether a name inside the typed one counts only when it is rarer in the index than the rest of it (翻译 of
    /// 实时翻译 where translation is the rarer, never 审核 of 理赔审核). On: the training split alone scores it 0.0012 lower (two of its scenario queries gained from
    /// 城市管理 → 管理 and 实时翻译 → 翻译, which the rule keeps out there, 城市 and 实时 being rarer), but on the
    /// labelled demo set every inner name cost matchmaking 0.601 → 0.579 nDCG@10 (理赔审核 → 审核, 故障诊断 → 诊断,
    /// 具身智能 → 智能), the rule 0.600.
    /// </summary>
    public bool BroaderOnlyWhenRarer { get; init; } = true;

    /// <summary>
    /// A general dictionary's translation of a word no glossary entry names (Glossary.GeneralDictionary) scores this
    /// fraction of a glossary name: a sentence's everyday words (background → 背景, keywords → 关键词) are mostly how a
    /// need is said, and at a glossary name's weight they outranked what it asks for.
    /// </summary>
    public float GeneralBoost { get; init; } = 0.25f;

    /// <summary>
    /// The weight of a concept's form <paramref name="form"/>: the typed word 1, a glossary name <see cref="GlossaryBoost"/>, a name inside the
    /// typed one (from <paramref name="broaderFrom"/> on) <see cref="BroaderBoost"/> of that, a general dictionary's translation
    /// (<paramref name="general"/>) <see cref="GeneralBoost"/> of a glossary name.
    /// </summary>
    public float FormWeight(int form, int broaderFrom, bool general = false) =>
        form == 0 ? 1f : form >= broaderFrom ? GlossaryBoost * BroaderBoost : general ? GlossaryBoost * GeneralBoost : GlossaryBoost;

    /// <summary>A glossary name never weighs more than <see cref="GlossaryBoost"/> of the typed word (idf of the phrase; see QueryPlan.Forms).</summary>
    public bool SynonymsCapped { get; init; } = true;

    /// <summary>Concepts in more than this fraction of documents (CAC boilerplate: 生成, 文本, 用户) are common: never required.</summary>
    public float CommonFraction { get; init; } = 0.2f;

    /// <summary>Weight of a common concept.</summary>
    public float CommonBoost { get; init; } = 0.2f;

    /// <summary>Minimum should match of longer queries (five concepts and more): this fraction of the concepts…</summary>
    public float LongFraction { get; init; } = 0.1f;

    /// <summary>…but at least this many.</summary>
    public int LongFloor { get; init; } = 1;

    /// <summary>
    /// Weight of every term of the typed text (CJK bigrams, stemmed English words) as one more optional clause, as
    /// plain BM25 scores them; 0 leaves it out. A word the segmenter keeps whole (理赔审核) still matches through its parts.
    /// </summary>
    public float BagBoost { get; init; } = 1f;

    /// <summary>
    /// At most this many entries of the typed text go into the bag of terms (<see cref="BagBoost"/>), the rarest. 32,
    /// not 64: the training queries never have more than 24, and on the labelled set's longer needs 32 scores as 64
    /// (24 loses 0.003 nDCG@10) while matchmaking at 1 M spends a third less.
    /// </summary>
    public int MaxBagTerms { get; init; } = 32;

    /// <summary>How many of the bag's terms (those in the index) a document needs through the bag alone: this fraction, at least one.</summary>
    public float BagFraction { get; init; }

    /// <summary>
    /// Whether one concept, in any of its forms, lets a document in wherever one term of the bag does
    /// (<see cref="BagRequired"/> of 1). Off, a query of two concepts found a listing holding a Chinese term of one of
    /// them (三维 of 三维建模) but not one holding its English name (3D): the bag holds only Chinese. On the training
    /// split objective 0.5249 → 0.5378 (english nDCG@10 0.613 → 0.654, keyword 0.744 → 0.772; bench/results/timesplit.md,
    /// "Tenth change"). Documents holding more concepts still score higher.
    /// </summary>
    public bool OneConceptAsOneTerm { get; init; } = true;

    /// <summary>Coverage reward: a boolean clause scores (matched / all)^<see cref="CoordPower"/>; 0 is plain BM25 (no coord).</summary>
    public float CoordPower { get; init; }

    /// <summary>
    /// Pseudo-relevance feedback (RM3-like): expand with the best terms of this many first hits; 0 is off. Off: 20
    /// hits gained on train but lost on test (bench/results/timesplit.md), and it doubles a search's work.
    /// </summary>
    public int FeedbackDocs { get; init; }

    public int FeedbackTerms { get; init; } = 10;

    public float FeedbackWeight { get; init; } = 0.3f;

    /// <summary>An organisation profile scores this fraction of its text match: a listing says what is offered, a profile only who offers it.</summary>
    public float ProfileWeight { get; init; } = 0.5f;

    /// <summary>Minimum should match: all of one or two, n−1 of three or four, <see cref="LongFraction"/> (at least <see cref="LongFloor"/>) of more.</summary>
    public int Scaled(int concepts) => concepts switch
    {
        <= 2 => concepts,
        <= 4 => concepts - 1,
        _ => Math.Min(concepts, Math.Max(LongFloor, (int)Math.Ceiling(concepts * LongFraction))),
    };

    public int BagRequired(int terms) => Math.Clamp((int)MathF.Floor(terms * BagFraction), 1, Math.Max(1, terms));

    public Similarity Similarity() => new CoverageSimilarity(K1, B, CoordPower);

    /// <summary>BM25 with an optional coord factor (BM25 alone ignores how many of a query's clauses a document matched).</summary>
    private sealed class CoverageSimilarity(float k1, float b, float power) : BM25Similarity(k1, b)
    {
        public override float Coord(int overlap, int maxOverlap) =>
            power <= 0 || maxOverlap <= 0 ? 1f : MathF.Pow((float)overlap / maxOverlap, power);
    }
}
