using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// Every facet value of every document of one segment as plain arrays: document d owns
/// <c>Ordinals[Starts[d]..Starts[d+1]]</c>, and an ordinal names (facet, value) through <see cref="Labels"/>.
/// Reading them once per segment (segments are immutable) turns counting into array increments instead of six
/// doc-values look-ups per hit; a segment's arrays go with it when a merge retires it.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = new();

    private SegmentFacets(int[] starts, int[] ordinals, (int Facet, string Value)[] labels)
    {
        Starts = starts;
        Ordinals = ordinals;
        Labels = labels;
    }

    public int[] Starts { get; }

    public int[] Ordinals { get; }

    public (int Facet, string Value)[] Labels { get; }

    /// <summary>The arrays of <paramref name="reader"/>'s segment for <paramref name="facets"/> (always the same list per process).</summary>
    public static SegmentFacets For(AtomicReader reader, IReadOnlyList<string> facets)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Cache.GetValue(reader.CoreCacheKey, _ => Read(reader, facets));
    }

    private static SegmentFacets Read(AtomicReader reader, IReadOnlyList<string> facets)
    {
        var values = facets.Select(reader.GetSortedSetDocValues).ToArray();
        var offsets = new int[facets.Count];
        var labels = new List<(int, string)>();
        var bytes = new BytesRef();
        for (var f = 0; f < facets.Count; f++)
        {
            offsets[f] = labels.Count;
            for (var ord = 0L; ord < (values[f]?.ValueCount ?? 0); ord++)
            {
                values[f]!.LookupOrd(ord, bytes);
                labels.Add((f, bytes.Utf8ToString()));
            }
        }

        var starts = new int[reader.MaxDoc + 1];
        var ordinals = new int[Math.Max(16, reader.MaxDoc * 2)];
        var next = 0;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = next;
            for (var f = 0; f < values.Length; f++)
            {
                if (values[f] is not { } docValues)
                {
                    continue;
                }

                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    if (next == ordinals.Length)
                    {
                        Array.Resize(ref ordinals, ordinals.Length * 2);
                    }

                    ordinals[next++] = offsets[f] + (int)ord;
                }
            }
        }

        starts[reader.MaxDoc] = next;
        Array.Resize(ref ordinals, next);
        return new SegmentFacets(starts, ordinals, [.. labels]);
    }
}
