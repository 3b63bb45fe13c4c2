using Funeng.Catalog.Contracts;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Counts facet values over every hit. Lucene.Net's Facet package is not on the package mirror; counting into one
/// array per segment from <see cref="SegmentFacets"/> and naming the values once per segment keeps this cheap.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, int>[] _counts = facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private SegmentFacets? _segment;
    private int[] _segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushSegment();
        _segment = SegmentFacets.For(context.AtomicReader, facets);
        _segmentCounts = new int[_segment.Labels.Length];
    }

    public void Collect(int doc)
    {
        var starts = _segment!.Starts;
        var ordinals = _segment.Ordinals;
        var counts = _segmentCounts;
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++)
        {
            counts[ordinals[i]]++;
        }
    }

    /// <summary>Per facet, values with their counts, largest first (ties by value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        FlushSegment();
        return facets.Select((facet, f) => (facet, f)).ToDictionary(
            x => x.facet,
            x => (IReadOnlyList<FacetCount>)_counts[x.f].OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => new FacetCount(v.Key, v.Value)).ToList());
    }

    private void FlushSegment()
    {
        if (_segment is null)
        {
            return;
        }

        for (var ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] > 0)
            {
                var (facet, value) = _segment.Labels[ord];
                _counts[facet][value] = _counts[facet].GetValueOrDefault(value) + _segmentCounts[ord];
            }
        }

        _segment = null;
    }
}
