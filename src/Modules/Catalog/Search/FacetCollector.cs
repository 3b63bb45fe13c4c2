using Funeng.Catalog.Contracts;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// Counts facet values over every hit from the doc values of each facet field. Lucene.Net's Facet package is not
/// on the package mirror; counting per segment by ordinal and resolving names once per segment keeps this cheap.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> facets) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts = facets.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[facets.Count];
    private readonly int[][] _segmentCounts = new int[facets.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushSegment();
        for (var i = 0; i < facets.Count; i++)
        {
            _values[i] = context.AtomicReader.GetSortedSetDocValues(facets[i]);
            _segmentCounts[i] = new int[_values[i]?.ValueCount ?? 0];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _segmentCounts[i][ord]++;
            }
        }
    }

    /// <summary>Per facet, values with their counts, largest first (ties by value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result()
    {
        FlushSegment();
        return _counts.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetCount>)f.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => new FacetCount(v.Key, v.Value)).ToList());
    }

    private void FlushSegment()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
            {
                continue;
            }

            var counts = _counts[facets[i]];
            for (var ord = 0; ord < _segmentCounts[i].Length; ord++)
            {
                if (_segmentCounts[i][ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    counts[value] = counts.GetValueOrDefault(value) + _segmentCounts[i][ord];
                }
            }

            _values[i] = null;
        }
    }
}
