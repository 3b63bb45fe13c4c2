using System.Text.RegularExpressions;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search.Glossary;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// One thing the query asks for: a word of the query, a glossary concept (all its names in both languages) or a
/// quoted phrase. It matches a document when any of its forms does, in the bigram field, the word field or a title.
/// </summary>
internal sealed record QueryConcept(string Surface, IReadOnlyList<string> Forms, bool Exact, bool Common, Query Query)
{
    /// <summary>Where the broader names begin among <see cref="Forms"/> (翻译 of 实时翻译; <see cref="SearchTuning.BroaderBoost"/>); none when it is the count.</summary>
    public int BroaderFrom { get; init; } = Forms.Count;

    /// <summary>Whether the concept's other forms come from the general dictionary, not the glossary (<see cref="Glossary.GeneralDictionary"/>).</summary>
    public bool General { get; init; }
}

/// <summary>
/// An entry of the bag (<see cref="QueryPlan.Bag"/>): a Chinese bigram of the typed text, or a glossary name whose
/// words (each a phrase of its bigrams) count only together: 社区养老, a name of 养老, needs 社区 and 养老, so its 社区
/// alone no longer brings 金蝶云社区 to a search for 养老. A common one (in more than
/// <see cref="SearchTuning.CommonFraction"/> of the documents) only adds score. <c>Rarest</c> is its term in the fewest
/// documents, by which a broad search's first pass finds it (<see cref="QueryPlan.ToCandidateQuery"/>).
/// </summary>
internal sealed record BagTerm(string Key, IReadOnlyList<string> Terms, string Rarest, Query Query, float Weight, bool Common)
{
    /// <summary>
    /// The query concept (its surface, as typed) whose glossary name the entry's words are, or the word of an English
    /// name of several words whose own name they are (recognition, for 识别 of speech recognition); null for a bigram of
    /// the typed text.
    /// </summary>
    public string? Concept { get; init; }

    /// <summary>The words a document holds when the entry matches it (质量 + 检验 for 质量检验), or the bigram.</summary>
    public string Words => Key.Replace(" ", " + ", StringComparison.Ordinal);

    /// <summary>The entry's query weighted by <paramref name="boost"/> (a copy: plans are shared by the passes of one search).</summary>
    public Query Weighted(float boost)
    {
        var query = (Query)Query.Clone();
        query.Boost = boost;
        return query;
    }
}

/// <summary>
/// What a search's text asks for, and the Lucene query for it. Shared by the catalog page, the search API and
/// matchmaking (through <see cref="CatalogSearch"/>); differences are the <see cref="CatalogTextMatch"/> parameter.
/// <list type="bullet">
/// <item>The text is cut into words (SmartCn; runs of single characters it leaves, such as 质检, rejoin), glossary
/// names become one concept each (质检 ↔ 质量检测 ↔ visual inspection); a text of characters on their own (茶) searches
/// each as the catalog's words that hold it (茶叶, 奶茶); traditional characters are read as simplified (語音識別 is
/// 语音识别).</item>
/// <item>How many concepts must match scales with the query (<see cref="SearchTuning.Scaled"/>: all of one or two, all
/// but one of three or four, a tenth of longer texts); a document holding any of the typed text's Chinese bigrams
/// (or of its glossary names') qualifies too, scored as BM25 scores it, so a sentence recalls like BM25 while whole
/// concepts rank first. When that finds nothing, any one concept is enough. Concepts in more than a fifth of the
/// documents (the CAC boilerplate: 生成, 文本, 用户) score little and never count as required.</item>
/// <item>Quoted text ("视觉质检") and <c>mode=phrase</c> are exact; <c>mode=all</c> requires every concept.</item>
/// </list>
/// </summary>
internal sealed partial class QueryPlan
{
    private QueryPlan(IReadOnlyList<QueryConcept> concepts, int required, SearchTuning tuning, IReadOnlyList<BagTerm> bag, bool relaxable)
    {
        Concepts = concepts;
        Required = required;
        Tuning = tuning;
        Bag = bag;
        Relaxable = relaxable;
    }

    public SearchTuning Tuning { get; }

    /// <summary>
    /// The Chinese terms (bigrams) of the typed text outside quotes, weight 1, and the glossary names of its concepts
    /// (their words together), weight <see cref="SearchTuning.GlossaryBoost"/>; rarest first.
    /// </summary>
    public IReadOnlyList<BagTerm> Bag { get; }

    /// <summary>Whether an empty result may be retried with any one concept or term, common ones too (the default and any-word modes).</summary>
    public bool Relaxable { get; }

    /// <summary>Feedback terms with their weights (<see cref="WithFeedback"/>), added as optional clauses.</summary>
    public IReadOnlyList<(string Term, float Weight)> Feedback { get; private init; } = [];

    public QueryPlan WithFeedback(IReadOnlyList<(string Term, float Weight)> terms) =>
        new(Concepts, Required, Tuning, Bag, Relaxable) { Feedback = terms, Unfound = Unfound };

    /// <summary>The quoted phrases and glossary concepts of the text, as typed, that no listing or profile holds (see <see cref="Absent"/>).</summary>
    public IReadOnlyList<string> Unfound { get; private init; } = [];

    public IReadOnlyList<QueryConcept> Concepts { get; }

    /// <summary>How many of the non-common concepts must match.</summary>
    public int Required { get; }

    public bool IsEmpty => Concepts.Count == 0;

    /// <summary>Whether <paramref name="text"/> was typed and none of it can be searched ("the of and", "---"): such a search finds nothing, it does not list everything.</summary>
    public bool NothingSearchableIn(string? text) => IsEmpty && !string.IsNullOrWhiteSpace(text);

    /// <summary>
    /// Every form as its terms of the bigram field, for highlighting snippets: a glossary name is marked only whole,
    /// so its common part (服务 of 养老服务, for 养老) is not marked on its own; a typed word also by its words, as the
    /// bag finds it (理赔 and 审核 of 理赔审核), except a word whose every term is common in the index (the 服务 of
    /// 养老服务 would mark "服务于企业端客户" in most CAC filings).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> HighlightForms(Analyzer analyzer)
    {
        var common = Bag.Where(b => b.Common).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        List<string> TermsOf(string text) => BilingualAnalyzer.Terms(analyzer, IndexFields.All, text);
        var forms = Concepts.SelectMany(c => c.Forms).Select(TermsOf);
        var words = Concepts.Where(c => !c.Exact).SelectMany(c => NameWords(analyzer, c.Forms[0])).Select(TermsOf).Where(terms => !terms.All(common.Contains));
        return [.. forms.Concat(words).Where(terms => terms.Count > 0).DistinctBy(terms => string.Join(' ', terms), StringComparer.Ordinal)];
    }

    public static QueryPlan Build(string? text, CatalogTextMatch mode, Analyzer analyzer, DomainGlossary glossary, IndexReader reader, SearchTuning? tuning = null)
    {
        tuning ??= SearchTuning.Default;
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(glossary);
        ArgumentNullException.ThrowIfNull(reader);
        text = (text ?? "").Trim();
        if (text.Length > CatalogSearchRequest.MaxTextLength)
        {
            text = text[..CatalogSearchRequest.MaxTextLength];
        }

        text = glossary.Simplified(text);

        var concepts = new List<QueryConcept>();
        if (mode == CatalogTextMatch.Phrase)
        {
            AddExact(concepts, text, analyzer);
            return new QueryPlan(concepts, concepts.Count, tuning, [], relaxable: false) { Unfound = Absent(text, concepts, analyzer, reader) };
        }

        var rest = Quoted().Replace(text, m =>
        {
            AddExact(concepts, m.Groups[1].Value, analyzer);
            return " ";
        });
        var exact = concepts.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chunks = Chunks(rest, analyzer, glossary, reader, tuning.LoneCharacters);
        if (chunks.Count == 0 && exact == 0 && !tuning.LoneCharacters)
        {
            // Nothing but characters on their own (茶, 税 发票 is not): each one is what the text asks.
            chunks = Chunks(rest, analyzer, glossary, reader, loneCharacters: true);
        }

        foreach (var (surface, entry) in chunks)
        {
            if (!seen.Add(GlossaryEntryKey(surface, entry)))
            {
                continue;
            }

            var forms = new List<string> { surface };
            if (entry is not null)
            {
                forms.AddRange(OtherNames(entry, surface, analyzer, reader, tuning));
            }
            else if (IsLoneCharacter(surface))
            {
                forms.AddRange(CharacterWords.Of(reader, surface[0]).Take(tuning.MaxFormsPerConcept - 1));
            }

            var broaderFrom = forms.Count;
            if (entry is not null && tuning.BroaderBoost > 0)
            {
                forms.AddRange(Broader(surface, glossary, analyzer, reader, tuning).Where(b => !forms.Contains(b, StringComparer.OrdinalIgnoreCase)));
            }

            var general = entry is not null && GeneralDictionary.Made(entry);
            var query = Forms(forms, analyzer, tuning, reader, broaderFrom, general);
            if (query is null)
            {
                continue;
            }

            concepts.Add(new QueryConcept(surface, forms, false, false, query) { BroaderFrom = broaderFrom, General = general });
        }

        if (concepts.Any(c => !c.Exact && !FunctionWords.IsProductKind(c.Surface)))
        {
            concepts.RemoveAll(c => !c.Exact && FunctionWords.IsProductKind(c.Surface));
        }

        var unfound = Absent(text, concepts, analyzer, reader);
        concepts = Informative(concepts, exact, analyzer, reader, tuning);
        var content = concepts.Count(c => !c.Common && !c.Exact);
        var required = mode switch
        {
            CatalogTextMatch.AllTerms => content,
            CatalogTextMatch.AnyTerm => Math.Min(1, content),
            _ => tuning.Scaled(content),
        };
        // The bag only widens what the default and any-word modes find; all-words and phrases stay as asked.
        var bag = mode is CatalogTextMatch.AllTerms || tuning.BagBoost <= 0 ? [] : BagTerms(rest, concepts, analyzer, reader, glossary, tuning);
        return new QueryPlan(concepts, required, tuning, bag, relaxable: mode is CatalogTextMatch.MostTerms or CatalogTextMatch.AnyTerm) { Unfound = unfound };
    }

    /// <summary>
    /// The quoted phrases and glossary concepts (what the text asks for in the domain's words, not its incidental
    /// words) that no document holds in any of their forms, as typed and in the text's order. Only what is surely
    /// absent: a form counts as present when each of its terms is in some document (<see cref="DocFrequency"/>),
    /// together or not, drafts too; a glossary name also when each of its words is (<see cref="NameWords"/>), as the
    /// bag finds it: 瑕疵检测 (a name of 质检) finds "瑕疵智能检测" though its bigram 疵检 is in no document.
    /// </summary>
    private static List<string> Absent(string text, List<QueryConcept> concepts, Analyzer analyzer, IndexReader reader) =>
        [.. concepts.Where(c => (c.Exact || c.Forms.Count > 1) && ConceptFrequency(c, analyzer, reader) == 0)
            .Where(c => c.Exact || !c.Forms.Any(form => NameWords(analyzer, form) is { Count: > 1 } words && words.All(w => DocFrequency(w, analyzer, reader) > 0)))
            .Select(c => c.Surface).OrderBy(surface => text.IndexOf(surface, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// The distinct Chinese terms (bigrams) of the text, and its concepts' glossary names with their words together,
    /// that occur in the index, rarest first, at most <see cref="SearchTuning.MaxBagTerms"/>. English words stay out: they are
    /// concepts already, and an untranslated one (model, generation) would otherwise let any listing with that word
    /// outrank the translations. For an English glossary name of several words, the names of each word's own entry
    /// join too, so "traffic congestion" reaches 交通 (traffic) even where no listing has 交通拥堵 or 拥堵: a glossary
    /// name matches as words, never through a loose bigram of a longer name (社区 of 社区养老).
    /// </summary>
    private static List<BagTerm> BagTerms(string text, List<QueryConcept> concepts, Analyzer analyzer, IndexReader reader, DomainGlossary glossary, SearchTuning tuning)
    {
        var entries = new Dictionary<string, (List<string> Words, float Weight, string? Concept)>(StringComparer.Ordinal);
        foreach (var term in BilingualAnalyzer.Terms(analyzer, IndexFields.All, text).Where(t => t.Any(GlossaryRules.IsHan) && !FunctionWords.Contains(t)))
        {
            entries[term] = ([term], 1f, null);
        }

        foreach (var concept in concepts.Where(c => !c.Exact))
        {
            var typed = tuning.SynonymsCapped ? Idf(concept.Forms[0], analyzer, reader) : 0;
            // A word's own name stands for that word, not for the whole concept: 识别 alone is recognition, not speech recognition.
            foreach (var (form, label) in concept.Forms.Skip(1).Select(f => (f, concept.Surface)).Concat(WordNames(concept, glossary)))
            {
                // As in Forms: a glossary name weighs at most GlossaryBoost of the typed word, a general dictionary's translation less.
                var weight = tuning.FormWeight(1, int.MaxValue, concept.General);
                if (typed > 0 && Idf(form, analyzer, reader) is var idf && idf > typed)
                {
                    weight *= (float)(typed / idf);
                }

                var words = NameWords(analyzer, form);
                if (words.Count > 0)
                {
                    entries.TryAdd(string.Join(' ', words), (words, weight, label));
                }
            }
        }

        var common = CommonLimit(reader, tuning);
        return [.. entries
            .Select(e => (e.Key, e.Value.Words, e.Value.Weight, e.Value.Concept, Terms: e.Value.Words.SelectMany(w => BilingualAnalyzer.Terms(analyzer, IndexFields.All, w)).Distinct(StringComparer.Ordinal).ToList()))
            .Select(e => (e.Key, e.Words, e.Weight, e.Concept, e.Terms, Rarest: e.Terms.Select(t => (Term: t, Df: DocFrequencies.Of(reader, IndexFields.All, t))).MinBy(t => t.Df)))
            .Where(e => e.Rarest.Df > 0).OrderBy(e => e.Rarest.Df).ThenBy(e => e.Key, StringComparer.Ordinal).Take(tuning.MaxBagTerms)
            .Select(e => new BagTerm(e.Key, e.Terms, e.Rarest.Term, Together(analyzer, e.Words), e.Weight, common is int limit && e.Rarest.Df > limit) { Concept = e.Concept })];
    }

    /// <summary>
    /// The names of <paramref name="entry"/> other than the typed one; of a general dictionary's translations, the first
    /// few Chinese that some listing holds (<see cref="GeneralDictionary.Searched"/>).
    /// </summary>
    private static IEnumerable<string> OtherNames(GlossaryEntry entry, string surface, Analyzer analyzer, IndexReader reader, SearchTuning tuning)
    {
        return GeneralDictionary.Made(entry)
            ? entry.Zh.Where(f => DocFrequency(f, analyzer, reader) > 0).Take(GeneralDictionary.Searched)
            : entry.All.Where(f => !string.Equals(f, surface, StringComparison.OrdinalIgnoreCase)).Take(tuning.MaxFormsPerConcept - 1);
    }

    /// <summary>
    /// For a concept found as an English glossary name of several words, the Chinese names of each word's own entry (the
    /// glossary's, not the general dictionary's), each with the word it is a name of.
    /// </summary>
    private static IEnumerable<(string Name, string Word)> WordNames(QueryConcept concept, DomainGlossary glossary) =>
        concept.Forms.Count < 2 || !concept.Surface.Contains(' ', StringComparison.Ordinal)
            ? []
            : concept.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(word => glossary.Lookup(word).Take(1).Where(entry => !GeneralDictionary.Made(entry)).SelectMany(entry => entry.Zh.Select(name => (Name: name, Word: word))))
                .Where(named => !concept.Forms.Contains(named.Name, StringComparer.Ordinal));

    /// <summary>
    /// The Chinese words of a glossary name (SmartCn), a character it leaves alone joined to the word beside it
    /// (数字人, not 数字 and 人). Empty when the name has no Chinese.
    /// </summary>
    internal static List<string> NameWords(Analyzer analyzer, string name)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var (start, end) in Words(analyzer, name).Where(w => name[w.Start..w.End].All(GlossaryRules.IsHan)))
        {
            if (spans.Count > 0 && spans[^1].End == start && (end - start == 1 || spans[^1].End - spans[^1].Start == 1))
            {
                spans[^1] = (spans[^1].Start, end);
            }
            else
            {
                spans.Add((start, end));
            }
        }

        return [.. spans.Select(s => name[s.Start..s.End])];
    }

    /// <summary>Every one of <paramref name="words"/> as a phrase of the bigram field.</summary>
    private static Query Together(Analyzer analyzer, List<string> words)
    {
        if (words is [var word] && Phrase(analyzer, IndexFields.All, word) is { } single)
        {
            return single;
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var phrase in words.Select(w => Phrase(analyzer, IndexFields.All, w)).OfType<Query>())
        {
            all.Add(phrase, Occur.MUST);
        }

        return all;
    }

    /// <summary>
    /// The query. A document must hold the required number of concepts, or (when <see cref="SearchTuning.BagBoost"/>
    /// is on) enough of the typed text's terms; it scores by both, so covering more of the query ranks higher.
    /// <paramref name="relaxed"/> is the retry after an empty result: any one concept (common ones too) or term is enough.
    /// </summary>
    public Query ToQuery(bool relaxed = false)
    {
        if (IsEmpty)
        {
            return new MatchAllDocsQuery();
        }

        // Terms in more than a fifth of the documents (生成, 文本, 用户) add score but do not make a document match
        // on their own, as common concepts: through them one bigram of 图像生成 matched 99 % of a 1 M catalog.
        var finding = Bag.Where(t => relaxed || !t.Common).ToList();
        var bagNeed = relaxed ? 1 : Tuning.BagRequired(finding.Count);
        // When one term of the bag lets a document in, so does one concept in any of its forms: 3D (a glossary name of
        // 三维, which the bag of Chinese terms leaves out) found nothing for 三维建模 while 三维 alone did.
        var need = relaxed ? 1 : Tuning.OneConceptAsOneTerm && finding.Count > 0 && bagNeed == 1 ? Math.Min(1, Required) : Required;
        var query = new BooleanQuery(disableCoord: true);
        var content = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = need };
        foreach (var concept in Concepts)
        {
            if (concept.Exact)
            {
                query.Add(concept.Query, Occur.MUST);
            }
            else if (concept.Common && !relaxed)
            {
                var common = (Query)concept.Query.Clone();
                common.Boost = Tuning.CommonBoost;
                query.Add(common, Occur.SHOULD);
            }
            else
            {
                content.Add(concept.Query, Occur.SHOULD);
            }
        }

        var bag = new BooleanQuery(disableCoord: false) { Boost = Tuning.BagBoost };
        foreach (var term in finding)
        {
            bag.Add(term.Weighted(term.Weight), Occur.SHOULD);
        }

        if (bag.Clauses.Count > 0)
        {
            bag.MinimumNumberShouldMatch = bagNeed;
        }

        if (content.Clauses.Count > 0 && bag.Clauses.Count > 0 && need > 0)
        {
            // Either enough whole concepts or enough of the typed terms: a word the segmenter keeps whole still
            // matches through its parts, and a long sentence through its rarest terms.
            var either = new BooleanQuery(disableCoord: true) { { content, Occur.SHOULD }, { bag, Occur.SHOULD } };
            either.MinimumNumberShouldMatch = 1;
            query.Add(either, Occur.MUST);
        }
        else
        {
            if (content.Clauses.Count > 0)
            {
                query.Add(content, need > 0 ? Occur.MUST : Occur.SHOULD);
            }

            if (bag.Clauses.Count > 0)
            {
                query.Add(bag, Occur.SHOULD);
            }
        }

        foreach (var term in Bag.Where(t => t.Common && !relaxed))
        {
            query.Add(term.Weighted(term.Weight * Tuning.BagBoost), Occur.SHOULD);
        }

        foreach (var (term, weight) in Feedback)
        {
            query.Add(AllTerm(term, weight), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// The first pass of a broad search (<see cref="HitBudgets.Candidates"/>): one term per form and per bag entry in
    /// the bigram field, its rarest, weighted as in <see cref="ToQuery"/>, and the typed words' terms in the titles
    /// (<see cref="SearchTuning.TitleBoost"/>), as a plain disjunction that Lucene scores in bulk. A document
    /// holding a form or an entry holds each of its terms, so its rarest one finds it: every document the full query
    /// finds holds a term of this query, and the pass reads the rare postings only (图像生成 reads 图像, not the 生成
    /// that is in almost every CAC filing). A typed word adds its other terms that are not common, so that a listing
    /// holding the whole word outranks one repeating its rarest term. A typed word of a concept the query needs finds
    /// however common; a glossary name or bag entry only when rare (a document holding nothing rarer than a common
    /// name scores too low to be among the best: since <see cref="SearchTuning.OneConceptAsOneTerm"/> the full query
    /// may find it, and a broad search leaves it out). When no term finds on its own (every one common), each still does.
    /// </summary>
    public Query ToCandidateQuery(Analyzer analyzer, IndexReader reader, bool relaxed = false)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(reader);
        var limit = CommonLimit(reader, Tuning) ?? int.MaxValue;
        var terms = new List<(string Field, string Term, float Weight, bool Finds)>();
        // A form's rarest term finds every document that holds the form. Of the typed word, every term that is not
        // common goes in as well: with its rarest alone (speech of speech synthesis), listings that repeat that one
        // word outranked those holding the whole word and filled the candidates (bench/results/catalog.md, stop 24).
        void Add(string field, IEnumerable<string> formTerms, float weight, Func<int, bool> finds, bool typed)
        {
            var byRarity = formTerms.Select(t => (Term: t, Df: DocFrequencies.Of(reader, field, t))).Where(t => t.Df > 0).OrderBy(t => t.Df).ToList();
            foreach (var (term, df) in byRarity.Where((t, i) => i == 0 || (typed && t.Df <= limit)))
            {
                terms.Add((field, term, weight, finds(df)));
            }
        }

        foreach (var concept in Concepts.Where(c => relaxed || !c.Common))
        {
            for (var i = 0; i < concept.Forms.Count; i++)
            {
                var typed = i == 0;
                Add(IndexFields.All, BilingualAnalyzer.Terms(analyzer, IndexFields.All, concept.Forms[i]), Tuning.FormWeight(i, concept.BroaderFrom, concept.General), df => (typed && !concept.Common) || df <= limit, typed);
            }

            // Without its title the pass would rank a listing named 千穰大模型 below ten thousand that only say 模型 more
            // often. Only the typed word's: glossary names in titles, measured, pulled in listings the full query ranks low.
            foreach (var field in (string[])[IndexFields.TitleZh, IndexFields.TitleEn])
            {
                Add(field, BilingualAnalyzer.Terms(analyzer, field, concept.Forms[0]), Tuning.TitleBoost, _ => !concept.Common, typed: true);
            }
        }

        foreach (var entry in Bag)
        {
            terms.Add((IndexFields.All, entry.Rarest, entry.Weight * Tuning.BagBoost, !entry.Common));
        }

        var finding = terms.Any(t => t.Finds) ? terms.Where(t => t.Finds) : terms;
        var query = new BooleanQuery(disableCoord: true);
        foreach (var group in finding.GroupBy(t => (t.Field, t.Term)).Take(BooleanQuery.MaxClauseCount))
        {
            query.Add(new TermQuery(new Term(group.Key.Field, group.Key.Term)) { Boost = group.Max(t => t.Weight) }, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>The text's words with the glossary entry each belongs to (a glossary name spanning several words is one chunk).</summary>
    /// <remarks>
    /// A Chinese character the segmenter leaves on its own and no other joins is no chunk (a sentence's 用, 药 of 用药 the
    /// segmenter split are rejoined first), unless <paramref name="loneCharacters"/>: then, a content character (not a
    /// function word), it is one, searched as the catalog's words that hold it (<see cref="CharacterWords"/>).
    /// </remarks>
    private static List<(string Surface, GlossaryEntry? Entry)> Chunks(string text, Analyzer analyzer, DomainGlossary glossary, IndexReader reader, bool loneCharacters)
    {
        var words = Words(analyzer, text);
        var matches = glossary.Find(text).Where(m => !CutsAcross(m, words)).ToList();
        // An expression of the general dictionary only where some listing says it: else its words, each translated, find
        // what it cannot (funeral services: no listing says 殡葬服务, many 殡葬).
        matches.AddRange(glossary.FindGeneralPhrases(text, matches).Where(m => m.Entry.Zh.Any(zh => DocFrequency(zh, analyzer, reader) > 0)));
        var chunks = new List<(int Start, string Surface, GlossaryEntry? Entry)>();
        chunks.AddRange(matches.Select(m => (m.Start, m.Surface, (GlossaryEntry?)m.Entry)));
        var pending = (Start: -1, End: -1);
        void Flush()
        {
            if (pending.Start >= 0 && (pending.End - pending.Start >= 2 || loneCharacters) && !FunctionWords.Contains(text[pending.Start..pending.End]))
            {
                chunks.Add((pending.Start, text[pending.Start..pending.End], null));
            }

            pending = (-1, -1);
        }

        foreach (var (start, end) in words)
        {
            if (matches.Any(m => start < m.Start + m.Length && end > m.Start))
            {
                Flush();
                continue;
            }

            var surface = text[start..end];
            var single = end - start == 1 && GlossaryRules.IsHan(surface[0]);
            if (single && FunctionWords.Contains(surface))
            {
                // A particle ends a run rather than joining it: 用药的 is 用药.
                Flush();
                continue;
            }

            if (single)
            {
                // Runs of single characters are words the segmenter does not know (质检, 跌倒): rejoin them.
                if (pending.Start >= 0 && pending.End == start)
                {
                    pending = (pending.Start, end);
                }
                else
                {
                    Flush();
                    pending = (start, end);
                }

                continue;
            }

            Flush();
            var lower = DomainGlossary.Normalise(surface);
            if (FunctionWords.Contains(surface) || EnglishAnalyzer.DefaultStopSet.Contains(lower) || (lower.Length == 1 && !GlossaryRules.IsHan(lower[0])))
            {
                continue;
            }

            var entry = glossary.Lookup(surface) is [var first, ..] ? first : null;
            if (entry is null && FunctionWords.ContainsEnglish(lower))
            {
                continue;
            }

            chunks.Add((start, surface, entry));
        }

        Flush();
        return [.. chunks.OrderBy(c => c.Start).Select(c => (c.Surface, c.Entry))];
    }

    /// <summary>
    /// Whether a Chinese glossary name found in the text is no name the text says, by the segmenter's words: it takes
    /// one character of a word of three or more (家电, home appliances, in 一家电视台 takes the 电 of 电视台, a television
    /// station), or one character of a word on each side (办事 in 待办事项: 待办 + 事项). A name cutting one word of two
    /// stays: there the segmenter is the likelier wrong (电商 and 店铺 in 电商店铺, cut 电 / 商店 / 铺).
    /// </summary>
    private static bool CutsAcross(GlossaryMatch match, List<(int Start, int End)> words)
    {
        if (!match.Surface.Any(GlossaryRules.IsHan))
        {
            return false;
        }

        var cut = words.Where(w => w.End - w.Start >= 2 && Math.Min(w.End, match.Start + match.Length) - Math.Max(w.Start, match.Start) == 1).ToList();
        return cut.Count >= 2 || cut.Any(w => w.End - w.Start >= 3);
    }

    /// <summary>Whether <paramref name="surface"/> is one Chinese character (a chunk only when <see cref="SearchTuning.LoneCharacters"/> or nothing else is asked).</summary>
    private static bool IsLoneCharacter(string surface) => surface.Length == 1 && GlossaryRules.IsHan(surface[0]);

    private static string GlossaryEntryKey(string surface, GlossaryEntry? entry) =>
        entry is null ? DomainGlossary.Normalise(surface) : "g:" + string.Join('|', entry.All);

    /// <summary>Word offsets from the word field's analyzer (SmartCn: Chinese words, English words, numbers).</summary>
    private static List<(int Start, int End)> Words(Analyzer analyzer, string text)
    {
        var words = new List<(int, int)>();
        using var stream = analyzer.GetTokenStream(IndexFields.Words, text);
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (offsets.EndOffset > offsets.StartOffset && offsets.EndOffset <= text.Length)
            {
                words.Add((offsets.StartOffset, offsets.EndOffset));
            }
        }

        stream.End();
        return words;
    }

    private static void AddExact(List<QueryConcept> concepts, string phrase, Analyzer analyzer)
    {
        phrase = phrase.Trim();
        var query = Phrase(analyzer, IndexFields.All, phrase);
        if (query is not null)
        {
            concepts.Add(new QueryConcept(phrase, [phrase], true, false, query));
        }
    }

    /// <summary>
    /// Keeps at most <see cref="SearchTuning.MaxConcepts"/> concepts (the rarest of those found in the index) and marks as common
    /// the ones in more than a fifth of the documents, when the index is large enough to tell.
    /// </summary>
    private static List<QueryConcept> Informative(List<QueryConcept> concepts, int exact, Analyzer analyzer, IndexReader reader, SearchTuning tuning)
    {
        var free = concepts.Skip(exact).Select(c => (Concept: c, Df: DocFrequency(c.Forms[0], analyzer, reader))).ToList();
        if (free.Count > tuning.MaxConcepts - exact)
        {
            // Ranked by what each can find: a typed compound in no listing (保险理赔) still finds through its glossary names.
            // A word only the general dictionary translates comes after every glossary concept: it is more likely how the
            // need is said than what it asks for.
            var keep = free
                .Select(f => (f.Concept, Df: ConceptFrequency(f.Concept, analyzer, reader)))
                .OrderBy(f => f.Concept.General)
                .ThenBy(f => f.Df == 0 ? int.MaxValue : f.Df)
                .Take(Math.Max(0, tuning.MaxConcepts - exact))
                .Select(f => f.Concept)
                .ToHashSet();
            free = [.. free.Where(f => keep.Contains(f.Concept))];
        }

        var limit = CommonLimit(reader, tuning) ?? int.MaxValue;
        var damp = free.Any(f => f.Df <= limit);
        return [.. concepts.Take(exact), .. free.Select(f => damp && f.Df > limit ? f.Concept with { Common = true } : f.Concept)];
    }

    /// <summary>
    /// How many documents a concept can find, to rank concepts by rarity: its typed word's frequency, or, when the typed
    /// word is in no document, its most frequent glossary name's; only when none is in any, its most frequent name
    /// inside the typed one (<see cref="QueryConcept.BroaderFrom"/> on: 翻译 of 实时翻译), which finds more than the
    /// concept asks and so made it look commoner than it is; 0 when no form is in any document.
    /// </summary>
    private static int ConceptFrequency(QueryConcept concept, Analyzer analyzer, IndexReader reader)
    {
        int MostFrequent(IEnumerable<string> forms) => forms.Select(f => DocFrequency(f, analyzer, reader)).DefaultIfEmpty(0).Max();
        if (IsLoneCharacter(concept.Surface))
        {
            // 茶 alone is in few documents; its words (茶叶, 奶茶) are what it finds.
            return MostFrequent(concept.Forms);
        }

        var typed = DocFrequency(concept.Forms[0], analyzer, reader);
        var names = typed > 0 ? typed : MostFrequent(concept.Forms.Take(concept.BroaderFrom).Skip(1));
        return names > 0 ? names : MostFrequent(concept.Forms.Skip(concept.BroaderFrom));
    }

    /// <summary>Above how many documents a concept or term is common, when the index is large enough to tell (50 documents); null when it is not.</summary>
    private static int? CommonLimit(IndexReader reader, SearchTuning tuning) =>
        reader.NumDocs >= 50 ? (int)(reader.NumDocs * tuning.CommonFraction) : null;

    /// <summary>An upper bound of how many documents contain <paramref name="form"/>: its rarest bigram's frequency.</summary>
    private static int DocFrequency(string form, Analyzer analyzer, IndexReader reader)
    {
        var terms = BilingualAnalyzer.Terms(analyzer, IndexFields.All, form);
        return terms.Count == 0 ? 0 : terms.Min(t => DocFrequencies.Of(reader, IndexFields.All, t));
    }

    /// <summary>
    /// Any of <paramref name="forms"/> in the bigram field or a title, and the user's in the word field when Chinese
    /// (glossary names too with <see cref="SearchTuning.WordsForNames"/>, English with
    /// <see cref="SearchTuning.WordsForEnglish"/>); the first form is the user's, later ones from the glossary.
    /// With <see cref="SearchTuning.SynonymsCapped"/>, a glossary name weighs at most
    /// <see cref="SearchTuning.GlossaryBoost"/> of the typed word when the typed word is in the index: a phrase scores
    /// the sum of its bigrams' idf, so a longer or rarer synonym (数字分身 for 数字人, 质量检测 for 质检) would otherwise
    /// outrank the listings that say what the user typed.
    /// </summary>
    private static BooleanQuery? Forms(List<string> forms, Analyzer analyzer, SearchTuning tuning, IndexReader reader, int broaderFrom, bool general)
    {
        var query = new BooleanQuery(disableCoord: true);
        var typed = tuning.SynonymsCapped && forms.Count > 1 ? Idf(forms[0], analyzer, reader) : 0;
        for (var i = 0; i < forms.Count; i++)
        {
            var boost = tuning.FormWeight(i, broaderFrom, general);
            if (i > 0 && typed > 0 && Idf(forms[i], analyzer, reader) is var idf && idf > typed)
            {
                boost *= (float)(typed / idf);
            }

            Add(query, Phrase(analyzer, IndexFields.All, forms[i]), boost);
            if (tuning.ApartBoost > 0)
            {
                // 陪伴机器人 also in 陪伴老人的聊天机器人: every bigram of the name, not necessarily together, scores less.
                Add(query, Apart(analyzer, forms[i]), boost * tuning.ApartBoost);
            }

            if ((i == 0 || tuning.WordsForNames) && WordsTell(forms[i], tuning))
            {
                Add(query, Phrase(analyzer, IndexFields.Words, forms[i]), boost * tuning.WordsBoost);
            }

            // A Chinese form that the segmenter keeps as one word, with TitleAsWord, counts in a title only where that
            // word is also one of the listing's (the word field; scoring nothing more). Both titles: an imported
            // filing's English title is often its Chinese name. A form it cuts into pieces (质 检) is left as it was: a
            // title cut differently would lose its weight, and the pieces' long postings cost a broad search 10 % more
            // at 1 M. The form is cut once for both titles.
            var word = tuning.TitleAsWord && forms[i].Any(GlossaryRules.IsHan) && BilingualAnalyzer.Terms(analyzer, IndexFields.Words, forms[i]) is [var only]
                ? new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Words, only))) { Boost = 0f }
                : null;
            Add(query, Title(IndexFields.TitleZh, forms[i], word), boost * tuning.TitleBoost);
            Add(query, Title(IndexFields.TitleEn, forms[i], word), boost * tuning.TitleBoost);
        }

        return query.Clauses.Count == 0 ? null : query;

        // The form in a title, where the listing also has the form as a word when that is given.
        Query? Title(string field, string form, Query? asWord)
        {
            var title = Phrase(analyzer, field, form);
            return title is not null && asWord is not null ? new BooleanQuery(disableCoord: true) { { title, Occur.MUST }, { asWord, Occur.MUST } } : title;
        }

        static void Add(BooleanQuery query, Query? clause, float boost)
        {
            // A weight of 0 leaves the clause out rather than reading its postings for nothing.
            if (clause is not null && boost > 0)
            {
                clause.Boost = boost;
                query.Add(clause, Occur.SHOULD);
            }
        }
    }

    /// <summary>
    /// The glossary's Chinese names inside a typed glossary name, for a listing that offers part of what the name says:
    /// a search for 实时翻译 (real-time translation) should find the translation services that never say real-time,
    /// below those that do. With <see cref="SearchTuning.BroaderOnlyWhenRarer"/>, only a part rarer in the index than
    /// the rest of the name, the part that carries what is specific to it (翻译 of 实时翻译 where translation is the
    /// rarer), not a commoner part that would change its sense (审核 of 理赔审核 is content moderation as often as claims review; 诊断 of 故障诊断 is
    /// medical). Measured: bench/results/timesplit.md, "Thirteenth change".
    /// </summary>
    private static IEnumerable<string> Broader(string surface, DomainGlossary glossary, Analyzer analyzer, IndexReader reader, SearchTuning tuning)
    {
        return glossary.NamesInside(surface).Where(part => part.All(GlossaryRules.IsHan) && !FunctionWords.Contains(part) && DocFrequency(part, analyzer, reader) is var df && df > 0 && (!tuning.BroaderOnlyWhenRarer || RarerThanRest(part, df)));

        bool RarerThanRest(string part, int df)
        {
            // A one-character rest (大 of 大模型, 多 of 多语言) only narrows the name.
            var rest = surface.Replace(part, "", StringComparison.Ordinal);
            return rest.Length < 2 || df < DocFrequency(rest, analyzer, reader);
        }
    }

    /// <summary>
    /// Whether the word field is searched for <paramref name="form"/>: not for an English one unless
    /// <see cref="SearchTuning.WordsForEnglish"/>, as SmartCn cuts and stems English as the bigram field does.
    /// </summary>
    private static bool WordsTell(string form, SearchTuning tuning) => tuning.WordsForEnglish || form.Any(GlossaryRules.IsHan);

    /// <summary>What BM25 gives <paramref name="form"/> as a phrase of the bigram field: the sum of its terms' idf; 0 when one of them is in no document.</summary>
    private static double Idf(string form, Analyzer analyzer, IndexReader reader)
    {
        var sum = 0.0;
        foreach (var term in BilingualAnalyzer.Terms(analyzer, IndexFields.All, form))
        {
            var df = DocFrequencies.Of(reader, IndexFields.All, term);
            if (df == 0)
            {
                return 0;
            }

            sum += Math.Log(1 + ((reader.MaxDoc - df + 0.5) / (df + 0.5)));
        }

        return sum;
    }

    /// <summary>Every term of a Chinese name of two or more bigrams, anywhere in the bigram field; null otherwise.</summary>
    private static BooleanQuery? Apart(Analyzer analyzer, string form)
    {
        var terms = BilingualAnalyzer.Terms(analyzer, IndexFields.All, form);
        if (terms.Count < 2 || !terms.All(t => t.Any(GlossaryRules.IsHan)))
        {
            return null;
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            all.Add(new TermQuery(new Term(IndexFields.All, term)), Occur.MUST);
        }

        return all;
    }

    /// <summary>The text as one term, or as a phrase of its terms at their positions, in <paramref name="field"/>.</summary>
    public static Query? Phrase(Analyzer analyzer, string field, string text)
    {
        var terms = new List<(string Term, int Position)>();
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                terms.Add((term.ToString(), position));
            }

            stream.End();
        }

        if (terms.Count == 0)
        {
            return null;
        }

        if (terms.Count == 1)
        {
            return new TermQuery(new Term(field, terms[0].Term));
        }

        var phrase = new PhraseQuery();
        foreach (var (term, position) in terms)
        {
            phrase.Add(new Term(field, term), position - terms[0].Position);
        }

        return phrase;
    }

    /// <summary>One term of the bigram field, weighted.</summary>
    private static TermQuery AllTerm(string term, float boost) => new(new Term(IndexFields.All, term)) { Boost = boost };

    [GeneratedRegex("[\"“”「」『』]([^\"“”「」『』]+)[\"“”「」『』]")]
    private static partial Regex Quoted();
}
