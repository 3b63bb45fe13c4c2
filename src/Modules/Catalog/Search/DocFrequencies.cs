using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Funeng.Catalog.Search;

/// <summary>
/// How many documents of one index snapshot hold a term, remembered for that snapshot. A query plan asks for the same
/// terms many times (to rank concepts, weigh names, pick the rarest term), and each question seeks the term in every
/// segment: a scenario's plan spent three quarters of its 10 ms there at 1 M (bench/results/scenarios.md, stop 20). A
/// snapshot never changes its counts, so what one search learnt holds for the next until the index is reopened.
/// </summary>
internal sealed class DocFrequencies
{
    /// <summary>Enough for every term a day's searches ask about; past it the snapshot starts again rather than tracking use.</summary>
    private const int Capacity = 100_000;

    private static readonly ConditionalWeakTable<IndexReader, DocFrequencies> BySnapshot = [];
    private readonly ConcurrentDictionary<(string Field, string Term), int> _known = new();
    private readonly IndexReader _reader;

    private DocFrequencies(IndexReader reader) => _reader = reader;

    /// <summary>How many documents of <paramref name="reader"/> hold <paramref name="term"/> in <paramref name="field"/>.</summary>
    public static int Of(IndexReader reader, string field, string term)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var snapshot = BySnapshot.GetValue(reader, r => new DocFrequencies(r));
        if (snapshot._known.TryGetValue((field, term), out var known))
        {
            return known;
        }

        if (snapshot._known.Count >= Capacity)
        {
            snapshot._known.Clear();
        }

        return snapshot._known[(field, term)] = snapshot._reader.DocFreq(new Term(field, term));
    }
}
