using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// A common term's documents and BM25 scores in one segment, read by the first pass (<see cref="FirstPass"/>) straight
/// from the term's <see cref="TermFrequencies"/> and the field's norms (<see cref="CommonTerms.Norms"/>). Lucene's
/// term scorer reaches the same numbers through four virtual calls a document (its postings' document and frequency,
/// the similarity's scorer, the norms), which made up a sixth of a matchmaking need's time at 1 M (perf, stop 32).
/// A score depends on the document only through its frequency and norm byte, so each (frequency, norm) is scored once
/// by Lucene's own scorer, on the first document that has it, and looked up after: the same float, not a re-derivation
/// of BM25's arithmetic.
/// </summary>
internal sealed class CommonTermScorer
{
    /// <summary>Frequencies up to this are scored once per norm; a higher one (rare) by Lucene's scorer each time.</summary>
    private const int Tabled = 4;

    private readonly TermFrequencies _frequencies;
    private readonly IBits? _accepted;
    private readonly byte[]? _norms;
    private readonly Similarity.SimScorer _scorer;
    private readonly float[]?[] _byFrequency;

    private CommonTermScorer(TermFrequencies frequencies, IBits? accepted, byte[]? norms, Similarity.SimScorer scorer, float[]?[] byFrequency) =>
        (_frequencies, _accepted, _norms, _scorer, _byFrequency) = (frequencies, accepted, norms, scorer, byFrequency);

    /// <summary>
    /// One term's scores by frequency and norm, shared by the scorers of one segment (several ranges read on their own
    /// threads): two threads scoring the same pair write the same float.
    /// </summary>
    public sealed class Scores
    {
        internal float[]?[] ByFrequency { get; } = new float[]?[Tabled + 1];
    }

    /// <summary>
    /// The statistics <paramref name="query"/> is scored by over <paramref name="searcher"/>'s index, normalised as
    /// Lucene's term weight normalises them under BM25 (no query norm; the top-level boost, 1).
    /// </summary>
    public static Similarity.SimWeight Weigh(IndexSearcher searcher, BM25Similarity bm25, TermQuery query, Lucene.Net.Index.TermContext states)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(bm25);
        ArgumentNullException.ThrowIfNull(query);
        var weight = bm25.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, states));
        weight.Normalize(1f, 1f);
        return weight;
    }

    /// <summary>
    /// The term <paramref name="weight"/> scores (its <see cref="Similarity.SimWeight"/>, normalised as Lucene's term
    /// weight is) in the segment <paramref name="leaf"/>, over the documents <paramref name="accepted"/> lets through,
    /// or null when the field's norms are not kept in memory (the budget is spent): the caller then reads the term
    /// through Lucene's scorer.
    /// </summary>
    public static CommonTermScorer? Of(TermFrequencies frequencies, Lucene.Net.Index.AtomicReaderContext leaf, string field, IBits? accepted,
        BM25Similarity bm25, Similarity.SimWeight weight, Scores scores)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(bm25);
        ArgumentNullException.ThrowIfNull(scores);
        if (!CommonTerms.Norms(leaf.AtomicReader, field, out var norms))
        {
            return null;
        }

        return new CommonTermScorer(frequencies, accepted, norms, bm25.GetSimScorer(weight, leaf), scores.ByFrequency);
    }

    /// <summary>The first accepted document from <paramref name="target"/> on that holds the term, or NO_MORE_DOCS.</summary>
    public int Advance(int target)
    {
        var doc = _frequencies.Next(target);
        while (doc != DocIdSetIterator.NO_MORE_DOCS && _accepted is not null && !_accepted.Get(doc))
        {
            doc = _frequencies.Next(doc + 1);
        }

        return doc;
    }

    /// <summary>The term's score in <paramref name="doc"/>, a document that holds it.</summary>
    public float Score(int doc)
    {
        var freq = _frequencies.Freq(doc);
        if (freq > Tabled)
        {
            return _scorer.Score(doc, freq);
        }

        var byNorm = _byFrequency[freq] ?? Row(freq);
        var norm = _norms is null ? 0 : _norms[doc];
        var score = byNorm[norm];
        if (float.IsNaN(score))
        {
            byNorm[norm] = score = _scorer.Score(doc, freq);
        }

        return score;
    }

    /// <summary>
    /// Adds the term's score to <paramref name="sums"/> for each of its documents from <paramref name="doc"/> up to
    /// <paramref name="end"/>, marking them in <paramref name="found"/> (both indexed from <paramref name="start"/>);
    /// returns its first document from <paramref name="end"/> on.
    /// </summary>
    public int AddTo(float[] sums, ulong[] found, int start, int end, int doc)
    {
        for (; doc < end; doc = Advance(doc + 1))
        {
            sums[doc - start] += Score(doc);
            found[(doc - start) >> 6] |= 1UL << (doc - start);
        }

        return doc;
    }

    private float[] Row(int freq)
    {
        var row = new float[256];
        Array.Fill(row, float.NaN);
        return Interlocked.CompareExchange(ref _byFrequency[freq], row, null) ?? row;
    }
}
