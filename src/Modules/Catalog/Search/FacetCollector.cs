using Funeng.Catalog.Contracts;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Counts facet values over the hits it is given. Lucene.Net's Facet package is not on the package mirror; counting
/// into one array per segment from <see cref="SegmentFacets"/> and naming the values once per segment keeps this
/// cheap. <see cref="BoundedCollector"/> gives it a sample of a broad query's hits and scales each segment's counts.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, double>[] _counts = facets.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToArray();
    private SegmentFacets? _segment;
    private int[] _segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EndSegment(scale: 1);
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

    /// <summary>An empty collector of the same facets, for hits counted on another thread and added after (<see cref="Add"/>).</summary>
    public FacetCollector Another() => new(facets);

    /// <summary>Adds the counts of <paramref name="other"/> (the same facets, its last segment ended) to these.</summary>
    public void Add(FacetCollector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other.EndSegment(scale: 1);
        for (var f = 0; f < _counts.Length; f++)
        {
            foreach (var (value, count) in other._counts[f])
            {
                _counts[f][value] = _counts[f].GetValueOrDefault(value) + count;
            }
        }
    }

    /// <summary>Per facet, values with their counts (scaled ones rounded), largest first (ties by value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        EndSegment(scale: 1);
        return facets.Select((facet, f) => (facet, f)).ToDictionary(
            x => x.facet,
            x => (IReadOnlyList<FacetCount>)_counts[x.f].Select(v => new FacetCount(v.Key, (int)Math.Round(v.Value)))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
    }

    /// <summary>Adds the current segment's counts, each multiplied by <paramref name="scale"/> (its hits over the hits counted).</summary>
    public void EndSegment(double scale)
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
                _counts[facet][value] = _counts[facet].GetValueOrDefault(value) + (_segmentCounts[ord] * scale);
            }
        }

        _segment = null;
    }
}
