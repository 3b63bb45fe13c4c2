using Funeng.Catalog.Contracts;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Why a hit matched: each query concept found in the title or summary (and through which glossary name), and the
/// ones that matched elsewhere (keywords, attributes, owner, sector or city names) as <c>text</c>. One per search page:
/// each concept's forms are analysed once, and a concept that has to be checked against the index is checked for all
/// the page's documents at once, its terms read at those documents only (a scorer per hit and concept, each seeking its
/// terms again, cost as much as the search at a million listings). A hit that holds none of the concepts whole came
/// through the bag (<see cref="QueryPlan.Bag"/>: a bigram of the typed text, or a glossary name's words apart), and
/// says which of its entries it holds.
/// </summary>
internal sealed class MatchReasons
{
    /// <summary>Concepts not seen in the title or summary are checked against the index up to this many per hit.</summary>
    private const int MaxExplained = 12;

    private readonly Analyzer _analyzer;
    private readonly IndexSearcher _searcher;
    private readonly QueryPlan _plan;
    private readonly int[] _page;
    private readonly IReadOnlyList<string>[][] _formTerms;
    private readonly HashSet<int>?[] _matching;
    private readonly HashSet<int>?[] _bagMatching;

    /// <summary>Bag entries named for one hit at most: the first few (rarest first) say why it matched.</summary>
    private const int MaxBagReasons = 3;

    /// <summary>Reasons for the documents of <c>page</c> (the page's hits), which are all <see cref="Explain"/> is asked about.</summary>
    public MatchReasons(Analyzer analyzer, IndexSearcher searcher, QueryPlan plan, IEnumerable<int> page)
    {
        (_analyzer, _searcher, _plan) = (analyzer, searcher, plan);
        _page = [.. page.Distinct().Order()];
        _formTerms = [.. plan.Concepts.Select(c => c.Forms.Select(f => BilingualAnalyzer.Terms(analyzer, IndexFields.All, f)).ToArray())];
        _matching = new HashSet<int>?[plan.Concepts.Count];
        _bagMatching = new HashSet<int>?[plan.Bag.Count];
    }

    /// <summary>Why <paramref name="doc"/> matched; <paramref name="summaries"/> holds its summaries in both languages, whichever the page shows.</summary>
    public IReadOnlyList<CatalogMatchReason> Explain(int doc, string titleZh, string titleEn, string summaries)
    {
        if (_plan.IsEmpty)
        {
            return [];
        }

        // Read as the index holds them: a title written in traditional characters holds the simplified query's words.
        var title = BilingualAnalyzer.Terms(_analyzer, IndexFields.All, IndexedText.Of(titleZh + "\n" + titleEn)).ToHashSet(StringComparer.Ordinal);
        var body = BilingualAnalyzer.Terms(_analyzer, IndexFields.All, IndexedText.Of(summaries)).ToHashSet(StringComparer.Ordinal);
        var reasons = new List<CatalogMatchReason>();
        var explained = 0;
        for (var c = 0; c < _plan.Concepts.Count; c++)
        {
            var found = Find(c, title, "title") ?? Find(c, body, "summary");
            if (found is null && explained++ < MaxExplained && Matches(c, doc))
            {
                found = new CatalogMatchReason("text", _plan.Concepts[c].Surface, null);
            }

            if (found is not null)
            {
                reasons.Add(found);
            }
        }

        return reasons.Count > 0 ? reasons : BagReasons(doc, title, body);
    }

    /// <summary>
    /// The bag entries the hit holds (uncommon ones first, then rarest first): those in its title or summary, else those
    /// its other fields hold (checked against the index, as concepts are, only then).
    /// </summary>
    private List<CatalogMatchReason> BagReasons(int doc, HashSet<string> title, HashSet<string> body)
    {
        var order = Enumerable.Range(0, _plan.Bag.Count).OrderBy(i => _plan.Bag[i].Common).ToList();
        var read = order
            .Select(i => (Entry: _plan.Bag[i], Field: _plan.Bag[i].Terms.All(title.Contains) ? "title" : _plan.Bag[i].Terms.All(body.Contains) ? "summary" : null))
            .Where(e => e.Field is not null).Take(MaxBagReasons).Select(e => Reason(e.Entry, e.Field!)).ToList();
        return read.Count > 0 ? read : [.. order.Take(MaxExplained).Where(i => (_bagMatching[i] ??= Matching(_plan.Bag[i].Query)).Contains(doc))
            .Take(MaxBagReasons).Select(i => Reason(_plan.Bag[i], "text"))];

        // A glossary name's words: the concept (or the English word of it) they stand for, found as those words; a typed bigram: itself.
        CatalogMatchReason Reason(BagTerm entry, string field) =>
            entry.Concept is { } concept
                ? new CatalogMatchReason(field, concept, entry.Words, _plan.Concepts.Any(c => c.General && c.Surface == concept))
                : new CatalogMatchReason(field, entry.Words, null);
    }

    /// <summary>Whether the concept's query matches the document (one of the page's).</summary>
    private bool Matches(int concept, int doc) => (_matching[concept] ??= Matching(AnyName(concept))).Contains(doc);

    /// <summary>The concept's names, any of them, as phrases of the bigram field.</summary>
    private BooleanQuery AnyName(int concept)
    {
        // The bigram field holds every word of the document as the word field does, and titles were read already: a
        // concept's names as phrases of that one field tell the same at a quarter of the postings opened per segment.
        var anyName = new BooleanQuery(disableCoord: true);
        foreach (var name in _plan.Concepts[concept].Forms.Select(f => QueryPlan.Phrase(_analyzer, IndexFields.All, f)).OfType<Query>())
        {
            anyName.Add(name, Occur.SHOULD);
        }

        return anyName;
    }

    /// <summary>The page's documents <paramref name="query"/> matches, read at those documents only.</summary>
    private HashSet<int> Matching(Query query)
    {
        // Each name's terms are read at the page's documents only: a phrase scorer advanced to a document without the
        // phrase reads on through the index to the next that has it, 8 ms a page for 平台's names at a million listings.
        var found = new HashSet<int>();
        CandidateReader.Search(_searcher, query, _page, new Found(found), everyTerm: true);
        return found;
    }

    /// <summary>Collects the index-wide numbers of the documents a query matches.</summary>
    private sealed class Found(HashSet<int> found) : ICollector
    {
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => found.Add(_docBase + doc);
    }

    private CatalogMatchReason? Find(int concept, HashSet<string> terms, string field)
    {
        var forms = _formTerms[concept];
        for (var i = 0; i < forms.Length; i++)
        {
            if (forms[i].Count > 0 && forms[i].All(terms.Contains))
            {
                var surface = _plan.Concepts[concept].Surface;
                return new CatalogMatchReason(field, surface, i == 0 ? null : _plan.Concepts[concept].Forms[i], i > 0 && _plan.Concepts[concept].General);
            }
        }

        return null;
    }
}
