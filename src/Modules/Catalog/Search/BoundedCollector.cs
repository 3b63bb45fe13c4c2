using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Collects a search's hits without scoring and faceting every one of a broad query's hundreds of thousands
/// (issue 12, item 5; docs/decisions/0014). Each segment gets a share of the caps in proportion to its size (at
/// least a tenth of the cap, so a query with few hits is counted exactly in every segment):
/// <list type="bullet">
/// <item>facet values are counted for the segment's first <see cref="HitBudgets.FacetSample"/>-share of hits and scaled up by
/// the segment's hits over the counted ones, which makes the counts approximate (<see cref="FacetsApproximate"/>);</item>
/// <item>when <c>stopScoring</c>, the segment stops at its <see cref="HitBudgets.Candidates"/>-share (Lucene moves on to
/// the next segment), so the best hits are the best of those candidates and the total is a lower bound
/// (<see cref="Capped"/>). Sorting by a field (newest, title) never stops: the order must hold over every hit.</item>
/// </list>
/// Hits arrive in document order (the collector refuses out-of-order scoring), so where a segment stopped tells
/// how much of it was read, and the hits it would have had are estimated from that fraction.
/// </summary>
internal sealed class BoundedCollector(ICollector top, FacetCollector? facets, HitBudgets budgets, int documents, bool stopScoring) : ICollector
{
    private int _maxDoc;
    private int _candidateShare;
    private int _facetShare;
    private int _hits;

    /// <summary>True when some segment stopped before its end: more documents match than were collected.</summary>
    public bool Capped { get; private set; }

    /// <summary>True when some segment's facet counts were scaled up from a sample of its hits.</summary>
    public bool FacetsApproximate { get; private set; }

    /// <summary>Documents that matched in the segments read whole, plus the estimate for those that stopped early.</summary>
    public double EstimatedHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EndSegment(read: 1);
        _maxDoc = context.AtomicReader.MaxDoc;
        _candidateShare = Share(budgets.Candidates, _maxDoc, documents);
        _facetShare = Share(budgets.FacetSample, _maxDoc, documents);
        _hits = 0;
        top.SetNextReader(context);
        facets?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (stopScoring && _hits == _candidateShare)
        {
            // One hit past the share: the segment has more, and doc / maxDoc of it has been read.
            Capped = true;
            EndSegment(read: Math.Max(doc, 1) / (double)_maxDoc);
            throw new CollectionTerminatedException();
        }

        top.Collect(doc);
        if (_hits < _facetShare)
        {
            facets?.Collect(doc);
        }

        _hits++;
    }

    /// <summary>Ends the last segment; call once after the search.</summary>
    public void Finish() => EndSegment(read: 1);

    private void EndSegment(double read)
    {
        if (_maxDoc == 0)
        {
            return;
        }

        var estimated = _hits / read;
        EstimatedHits += estimated;
        var counted = Math.Min(_hits, _facetShare);
        if (counted < estimated)
        {
            FacetsApproximate |= facets is not null;
        }

        facets?.EndSegment(counted == 0 ? 1 : estimated / counted);
        _maxDoc = 0;
    }

    private static int Share(int budget, int maxDoc, int documents) =>
        (int)Math.Min(budget, Math.Max(Math.Max(1, budget / 10), Math.Ceiling((double)budget * maxDoc / Math.Max(1, documents))));
}

/// <summary>
/// How many hits a search collects (<see cref="Candidates"/>, when ordered by relevance) and faceting counts
/// (<see cref="FacetSample"/>) over the whole index; see <see cref="BoundedCollector"/>. The defaults were chosen on
/// the 1 M benchmark (bench/results/catalog.md).
/// </summary>
internal sealed record HitBudgets(int Candidates, int FacetSample)
{
    public static HitBudgets Default { get; } = new(CatalogOptions.DefaultSearchCandidates, CatalogOptions.DefaultFacetSample);

    /// <summary>Every hit scored and counted: the exact search, for the benchmark's comparison.</summary>
    public static HitBudgets Unbounded { get; } = new(int.MaxValue, int.MaxValue);
}
