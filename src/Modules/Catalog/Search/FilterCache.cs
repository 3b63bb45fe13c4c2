using System.Collections.Concurrent;
using Funeng.Catalog.Contracts;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// Visibility and facet filters as per-segment bit sets, kept between searches: most searches repeat a handful
/// of combinations (the public with no facet, one facet ticked), and computing one over a million documents costs
/// more than the rest of a search. <see cref="CachingWrapperFilter"/> keys each bit set by its immutable segment
/// and applies deletions on top, so index changes never make a cached filter wrong.
/// </summary>
internal sealed class FilterCache
{
    private const int Capacity = 512;
    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    public Filter For(CatalogFilters filters, CatalogViewer viewer, Func<Query> build)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(build);
        if (_filters.Count >= Capacity)
        {
            // Rare (hundreds of distinct combinations): start again rather than track recency on every search.
            _filters.Clear();
        }

        return _filters.GetOrAdd(Key(filters, viewer), _ => new BitSetCachingFilter(new QueryWrapperFilter(build())));
    }

    /// <summary>
    /// <paramref name="query"/> within <paramref name="filter"/>, scored in bulk where the filter is dense (see
    /// <see cref="BulkRandomAccess"/>): what <c>IndexSearcher.Search(query, filter, collector)</c> finds, faster.
    /// </summary>
    public static Query Within(Query query, Filter filter) => new FilteredQuery(query, filter, BulkRandomAccess.Instance);

    private static string Key(CatalogFilters f, CatalogViewer v) => string.Join('|',
        v.IsOffice ? "office" : v.OrganisationId?.ToString() ?? "public",
        string.Join(',', f.Types), string.Join(',', f.Sectors), string.Join(',', f.Cities), string.Join(',', f.Qualifications),
        string.Join(',', f.Licences), string.Join(',', f.AccessLevels), f.OwnerOrganisationId?.ToString() ?? "", f.Status?.ToString() ?? "");
}

/// <summary>
/// Caches each segment's set as a <see cref="FixedBitSet"/> (not the default compressed set): a bit set offers
/// random access, so <see cref="FilteredQuery"/> checks it while scoring instead of leapfrogging two iterators.
/// </summary>
internal sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
{
    protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var bits = new FixedBitSet(reader.MaxDoc);
        if (docIdSet?.GetIterator() is { } iterator)
        {
            bits.Or(iterator);
        }

        return bits;
    }
}

/// <summary>
/// Lucene's default filter strategy checks a dense filter's bits while scoring, but then scores one document at a time
/// (its <c>FilteredBulkScorer</c> wraps a plain scorer), which costs a broad disjunction its bulk scorer: the public
/// filter doubled a 1 M first pass (bench/results/catalog.md, stop 20). This hands the same bits (deletions included)
/// to the query's own bulk scorer; a sparse filter still leapfrogs.
/// </summary>
internal sealed class BulkRandomAccess : FilteredQuery.RandomAccessFilterStrategy
{
    public static BulkRandomAccess Instance { get; } = new();

    public override BulkScorer? FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(docIdSet);
        var bits = docIdSet.Bits;
        var first = docIdSet.GetIterator() is { } iterator ? iterator.NextDoc() : DocIdSetIterator.NO_MORE_DOCS;
        return bits is not null && first != DocIdSetIterator.NO_MORE_DOCS && UseRandomAccess(bits, first)
            ? weight.GetBulkScorer(context, scoreDocsInOrder, bits)
            : base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);
    }
}
