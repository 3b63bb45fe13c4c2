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
