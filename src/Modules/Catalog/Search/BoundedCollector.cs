using Funeng.Catalog.Contracts;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Passes every hit to the ranking collector and counts facet values for only a sample of a broad query's hundreds of
/// thousands (issue 12, item 5; docs/decisions/0014). Each segment counts its first share of
/// <see cref="HitBudgets.FacetSample"/> (in proportion to its size, at least a tenth, so a query with few hits is
/// counted exactly in every segment) and scales the counts up by its hits over the counted ones, which makes them
/// approximate (<see cref="FacetsApproximate"/>).
/// </summary>
internal sealed class BoundedCollector(ICollector top, FacetCollector? facets, HitBudgets budgets, int documents) : ICollector
{
    private int _maxDoc;
    private int _facetShare;
    private int _hits;

    /// <summary>True when some segment's facet counts were scaled up from a sample of its hits.</summary>
    public bool FacetsApproximate { get; private set; }

    public FacetCollector? Facets => facets;

    public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EndSegment();
        _maxDoc = context.AtomicReader.MaxDoc;
        _facetShare = Share(budgets.FacetSample, _maxDoc, documents);
        _hits = 0;
        top.SetNextReader(context);
        facets?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        top.Collect(doc);
        if (_hits < _facetShare)
        {
            facets?.Collect(doc);
        }

        _hits++;
    }

    /// <summary>Ends the last segment; call once after the search.</summary>
    public void Finish() => EndSegment();

    private void EndSegment()
    {
        if (_maxDoc == 0)
        {
            return;
        }

        var counted = Math.Min(_hits, _facetShare);
        if (counted < _hits)
        {
            FacetsApproximate |= facets is not null;
        }

        facets?.EndSegment(counted == 0 ? 1 : _hits / (double)counted);
        _maxDoc = 0;
    }

    internal static int Share(int budget, int maxDoc, int documents) =>
        (int)Math.Min(budget, Math.Max(Math.Max(1, budget / 10), Math.Ceiling((double)budget * maxDoc / Math.Max(1, documents))));
}

/// <summary>
/// How many candidates a relevance search ranks with its full query when more match (<see cref="Candidates"/>: the
/// best by a plain BM25 first pass, <see cref="QueryPlan.ToCandidateQuery"/>, for a first page of
/// <see cref="PageOfResults"/>; only in an index of at least <see cref="RankAllBelow"/> documents) and how many hits
/// facets count (<see cref="FacetSample"/>; see <see cref="BoundedCollector"/>). The defaults were chosen on the
/// benchmark's catalogs of 20,000 to 1 M listings (bench/results/catalog.md).
/// </summary>
internal sealed record HitBudgets(int Candidates, int FacetSample, int RankAllBelow = CatalogOptions.DefaultSearchRankAllBelow, int Parallelism = 1)
{
    /// <summary>
    /// The fewest candidates worth a thread of their own (<see cref="PartsFor"/>). Matchmaking's 5,000 at 1 M gain a
    /// tenth in each stage with two (bench/results/scenarios.md, stop 31); a search's 1,000 in two parts lost a fifth
    /// (full query p50 21–22 → 25–30 ms, two clients 86 → 62 searches/s: each part builds the query's weights again;
    /// first pass p95 31 → 37–42 ms), so they stay on one, as do a page's match reasons.
    /// </summary>
    public const int PartSize = 2_500;

    /// <summary>The results <see cref="Candidates"/> is for, a default page: a search asking for more (a later page, matchmaking's 50) ranks proportionally more.</summary>
    public const int PageOfResults = CatalogSearchRequest.DefaultPageSize;

    /// <summary>
    /// The candidates for a search that wants its first <paramref name="results"/> in the full query's order: the
    /// deeper the order must hold, the more of the first pass it must see. An any-term search (a need of several
    /// sentences) ranks twice as many: the first pass, one term per form of up to eight concepts, guides it less well.
    /// At 1 M, matchmaking's 50 from 2,500 candidates kept only 3 of one need's exact first 10, from 5,000 at least 7
    /// (bench/results/scenarios.md, stop 24).
    /// </summary>
    public int CandidatesFor(int results, CatalogTextMatch match = CatalogTextMatch.MostTerms)
    {
        var perPage = (long)Candidates * (match == CatalogTextMatch.AnyTerm ? 2 : 1);
        return (int)Math.Min(int.MaxValue, Math.Max(perPage, perPage * results / PageOfResults));
    }

    /// <summary>
    /// How many parts, each on its own thread, a search that ranks <paramref name="candidates"/> runs its first pass
    /// (<see cref="FirstPass"/>, ranges of a large segment) and its full query (<see cref="CandidateReader"/>, runs of
    /// the candidates) in: one per <see cref="PartSize"/>, at most <see cref="Parallelism"/> less one for each of the
    /// <paramref name="othersRunning"/> searches that hold a core already. Two needs at once on two cores, each in two
    /// parts, ran a sixth fewer needs a second than each on one thread (37.5 against 44.9; bench/results/scenarios.md,
    /// stop 32), while one need alone gains from its parts.
    /// </summary>
    public int PartsFor(int candidates, int othersRunning = 0) => Math.Clamp(candidates / PartSize, 1, Math.Max(1, Parallelism - othersRunning));

    public static HitBudgets Default { get; } = new(CatalogOptions.DefaultSearchCandidates, CatalogOptions.DefaultFacetSample, Parallelism: CatalogOptions.DefaultSearchParallelism);

    /// <summary>Every hit scored and counted: the exact search, for the benchmark's comparison.</summary>
    public static HitBudgets Unbounded { get; } = new(int.MaxValue, int.MaxValue);
}
