using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Funeng.Catalog.Search;

/// <summary>
/// The first pass of a broad search (<see cref="QueryPlan.ToCandidateQuery"/>, a disjunction of terms) over a large
/// index: its best <c>candidates</c> by BM25, its hits counted and a sample of them faceted. It reads the terms'
/// postings a window of documents at a time, as Lucene's bulk scorer does, and skips what cannot reach the best
/// (MaxScore, Turtle and Flood 1995): once the candidates are full, the terms whose highest possible scores together
/// stay at or under the weakest candidate's score are only looked up for documents that the other terms bring, and
/// not at all for one that cannot pass. At 1 M listings most of a broad search's postings belong to such terms
/// (bench/results/catalog.md, stop 25).
/// <para>
/// Every hit is read and counted until the search has counted as many as the facet sample (20,000 by default), so a
/// total under that is exact. Past it, the hits are not all read, and a segment's count is estimated: its hits
/// counted so far, scaled to the whole segment by the share of its documents read. Such a total is shown as "about"
/// (TotalCapped), and the facets scaled from the sample are marked approximate, as before. Once terms drop out and at
/// most <see cref="BlockwiseTerms"/> are left, the rest is read a block of 128 documents at a time: in a block where a
/// common term's highest frequency over its shortest text (<see cref="BlockBound"/>) cannot lift a document past the
/// weakest candidate, that term is only looked up there, and a block where no term can is skipped. Scores are the terms' own
/// BM25 scores summed, as the Boolean query sums them; a candidate equal to the weakest keeps the earlier document,
/// as Lucene's collector does.
/// </para>
/// </summary>
internal static class FirstPass
{
    /// <summary>Documents read together: their scores add up in one array, as in Lucene's bulk scorer.</summary>
    public const int WindowSize = 4096;

    /// <summary>
    /// Once terms drop out, a search with at most this many terms left reads a block of documents at a time, looking up
    /// (not reading through) the common terms whose bounds there are low. With more, nearly every block holds one of
    /// the rare terms, and a need of 35 terms read block by block took a fifth longer (bench/results/catalog.md, stop 30).
    /// </summary>
    public const int BlockwiseTerms = 4;

    /// <summary>
    /// The best documents (index-wide numbers, best first), the hits (exact or estimated), whether estimated, and how
    /// many documents were scored (fewer than the hits when terms dropped out).
    /// </summary>
    internal sealed record Result(IReadOnlyList<int> Best, int Hits, bool Estimated, long Scored = 0);

    /// <summary>
    /// Runs <paramref name="query"/> within <paramref name="filter"/>; null when it cannot (not a disjunction of plain
    /// terms, not BM25, a filter without random access): the caller then runs it as Lucene does.
    /// </summary>
    public static Result? Run(IndexSearcher searcher, Query query, Filter filter, int candidates, FacetCollector? facets, HitBudgets budgets, int windowSize = WindowSize)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(budgets);
        if (searcher.Similarity is not BM25Similarity bm25 || !TermsOf(query, out var terms))
        {
            return null;
        }

        // The weights Lucene gives each clause of the disjunction (BM25 has no query norm: a clause scores alone as in
        // the Boolean query), and each term's highest possible score: BM25's term-frequency part stays under k1 + 1.
        // The scorers read each segment's common terms from their remembered frequencies (CommonTerms), which also
        // bound what a term adds in each block of documents.
        var common = new IndexSearcher(new MultiReader([.. searcher.IndexReader.Leaves.Select(l => (IndexReader)new CommonTermsReader(l.AtomicReader))], closeSubReaders: false))
        {
            Similarity = bm25,
        };
        var weights = terms.Select(t => common.CreateNormalizedWeight(t)).ToArray();
        if (weights.Any(w => searcher.Similarity.QueryNorm(w.GetValueForNormalization()) != 1f))
        {
            return null;
        }

        // Each segment's filter as bits (FilterCache's sets offer them; a segment without a set has no hit), checked
        // before anything is counted, so that a fallback starts from nothing.
        var leaves = searcher.IndexReader.Leaves.Select(leaf => (Leaf: leaf, Set: filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs))).ToList();
        if (leaves.Any(l => l.Set is not null && l.Set.Bits is null))
        {
            return null;
        }

        var bounds = weights.Select(w => MathF.Sqrt(w.GetValueForNormalization()) * (bm25.K1 + 1) * (1 + 1e-4f)).ToArray();
        var lengths = terms.Select(t => t.Term.Field).Distinct().ToDictionary(f => f, f => BlockBound.Lengths(bm25, common.CollectionStatistics(f)));
        var best = new Best(candidates);
        var window = new Window(windowSize);
        var (hits, counted, estimated, scored) = (0L, 0L, false, 0L);
        foreach (var (leaf, set) in leaves.Where(l => l.Set is not null))
        {
            var scorers = Enumerable.Range(0, weights.Length)
                .Select(i => new Clause(weights[i].GetScorer(common.IndexReader.Leaves[leaf.Ord], set!.Bits), bounds[i],
                    BlockBound.Of(CommonTerms.Find(leaf.AtomicReader, terms[i].Term), bounds[i], lengths[terms[i].Term.Field])))
                .Where(s => s.Scorer is not null).OrderBy(s => s.Bound).ToArray();
            // The segment's facet share, as BoundedCollector samples; the hits are counted exactly until the search
            // has counted as many as the facet sample (or the share, if more), so that a search with fewer hits than
            // that (most searches) has an exact total, and a segment's estimate rests on a sample of its own.
            var share = BoundedCollector.Share(budgets.FacetSample, leaf.AtomicReader.MaxDoc, searcher.IndexReader.MaxDoc);
            var exactUpTo = (int)Math.Max(share, Math.Max(0, budgets.FacetSample - counted));
            facets?.SetNextReader(leaf);
            var segment = Segment(scorers, leaf.DocBase, leaf.AtomicReader.MaxDoc, share, exactUpTo, facets, best, window);
            facets?.EndSegment(segment.Faceted == 0 ? 1 : segment.Hits / (double)segment.Faceted);
            hits += segment.Hits;
            counted += segment.Counted;
            estimated |= segment.Estimated;
            scored += segment.Scored;
        }

        return new Result(best.Documents(), (int)Math.Min(int.MaxValue, hits), estimated, scored);
    }

    /// <summary>
    /// One segment, a window of documents at a time as Lucene's bulk scorer reads a disjunction: the terms that can
    /// lift a document past the weakest candidate add their scores into the window's slots; then each document found
    /// looks up the other terms, highest bound first, while it can still pass. Every hit is scored and counted up to
    /// <paramref name="exactUpTo"/> (the first <paramref name="share"/> faceted); only then do terms drop out.
    /// </summary>
    private static (long Hits, int Counted, int Faceted, bool Estimated, long Scored) Segment(
        Clause[] scorers, int docBase, int maxDoc, int share, int exactUpTo, FacetCollector? facets, Best best, Window window)
    {
        var n = scorers.Length;
        var docs = new int[n];
        // upTo[i]: the highest score terms 0..i (in order of their bounds) can give a document together.
        var upTo = new float[n];
        for (var i = 0; i < n; i++)
        {
            docs[i] = scorers[i].Scorer.NextDoc();
            upTo[i] = (i == 0 ? 0 : upTo[i - 1]) + scorers[i].Bound;
        }

        var (sums, found) = (window.Sums, window.Found);
        var (counted, skipping, sampledTo, essential, scored) = (0, false, maxDoc, 0, 0L);
        // In a block, the essential terms whose bounds there are low enough are only looked up, as the others are.
        var lookedUp = new bool[n];
        var boundHere = new float[n];
        while (true)
        {
            var start = DocIdSetIterator.NO_MORE_DOCS;
            for (var i = essential; i < n; i++)
            {
                start = Math.Min(start, docs[i]);
            }

            if (start == DocIdSetIterator.NO_MORE_DOCS)
            {
                break;
            }

            var end = (int)Math.Min((long)start + sums.Length, maxDoc);
            var (lookedUpBound, anyLookedUp) = (0f, false);
            if (skipping && n - essential <= BlockwiseTerms)
            {
                // One block at a time: the essential terms whose bounds in this block add up to no more than the
                // weakest candidate's score, with the terms already dropped out, bring no document here.
                var block = start >> TermFrequencies.BlockShift;
                end = Math.Min(end, Math.Min((block + 1) << TermFrequencies.BlockShift, maxDoc));
                lookedUpBound = essential == 0 ? 0 : upTo[essential - 1];
                for (var i = essential; i < n; i++)
                {
                    lookedUp[i] = false;
                    if (scorers[i].Blocks is { } blocks && docs[i] < end)
                    {
                        boundHere[i] = blocks.At(block);
                        if (lookedUpBound + boundHere[i] <= best.Threshold)
                        {
                            (lookedUp[i], lookedUpBound, anyLookedUp) = (true, lookedUpBound + boundHere[i], true);
                        }
                    }
                }
            }

            for (var i = essential; i < n; i++)
            {
                if (anyLookedUp && lookedUp[i])
                {
                    continue;
                }

                var scorer = scorers[i].Scorer;
                for (var doc = docs[i]; doc < end; doc = scorer.NextDoc())
                {
                    sums[doc - start] += scorer.GetScore();
                    found[(doc - start) >> 6] |= 1UL << (doc - start);
                }

                docs[i] = scorer.DocID;
            }

            for (var word = 0; word < (end - start + 63) >> 6; word++)
            {
                for (var bits = found[word]; bits != 0; bits &= bits - 1)
                {
                    var slot = (word << 6) + BitOperations.TrailingZeroCount(bits);
                    var doc = start + slot;
                    var score = sums[slot];
                    sums[slot] = 0;
                    scored++;
                    // The terms left out of the window, highest bound first, while the document can still pass.
                    var passes = true;
                    if (anyLookedUp)
                    {
                        // First those only looked up in this block; together with the dropped ones they bound the rest.
                        var rest = lookedUpBound;
                        for (var i = n - 1; passes && i >= essential; i--)
                        {
                            if (!lookedUp[i])
                            {
                                continue;
                            }

                            if (score + rest <= best.Threshold)
                            {
                                passes = false;
                                break;
                            }

                            rest -= boundHere[i];
                            if (docs[i] < doc)
                            {
                                docs[i] = scorers[i].Scorer.Advance(doc);
                            }

                            if (docs[i] == doc)
                            {
                                score += scorers[i].Scorer.GetScore();
                            }
                        }
                    }

                    for (var i = essential - 1; passes && i >= 0; i--)
                    {
                        if (score + upTo[i] <= best.Threshold)
                        {
                            passes = false;
                            break;
                        }

                        if (docs[i] < doc)
                        {
                            docs[i] = scorers[i].Scorer.Advance(doc);
                        }

                        if (docs[i] == doc)
                        {
                            score += scorers[i].Scorer.GetScore();
                        }
                    }

                    if (!skipping)
                    {
                        if (counted < share)
                        {
                            facets?.Collect(doc);
                        }

                        counted++;
                        if (counted >= exactUpTo && best.Full)
                        {
                            // Enough counted, and a weakest candidate to beat: from the next window on, terms drop out.
                            (skipping, sampledTo) = (true, doc + 1);
                        }
                    }

                    if (passes)
                    {
                        best.Offer(docBase + doc, score);
                    }
                }

                found[word] = 0;
            }

            for (var i = essential; anyLookedUp && i < n; i++)
            {
                if (lookedUp[i] && docs[i] < end)
                {
                    docs[i] = scorers[i].Scorer.Advance(end);
                }
            }

            while (skipping && essential < n && upTo[essential] <= best.Threshold)
            {
                essential++;
            }
        }

        var faceted = Math.Min(counted, share);
        if (!skipping)
        {
            return (counted, counted, faceted, false, scored);
        }

        // The hits counted per document read, over the whole segment: an estimate, as the facets scaled from it are.
        return ((long)Math.Round(counted * (double)maxDoc / sampledTo), counted, faceted, true, scored);
    }

    /// <summary>A term's scorer in a segment, the most it adds to a document, and the most in each block where it is common.</summary>
    private readonly record struct Clause(Scorer Scorer, float Bound, BlockBound? Blocks);

    /// <summary>Whether <paramref name="query"/> is an optional disjunction of term queries, and those terms.</summary>
    private static bool TermsOf(Query query, out TermQuery[] terms)
    {
        terms = [];
        if (query is not BooleanQuery { MinimumNumberShouldMatch: 0 } boolean || !boolean.CoordDisabled
            || boolean.Clauses.Any(c => c.Occur != Occur.SHOULD || c.Query is not TermQuery))
        {
            return false;
        }

        terms = [.. boolean.Clauses.Select(c => (TermQuery)c.Query)];
        return terms.Length > 0;
    }

    /// <summary>
    /// The best documents so far, at most <c>size</c>; a new one equal to the weakest loses (it comes later). A binary
    /// heap, weakest first, over two arrays: a document that beats the weakest takes its place and sinks in one pass,
    /// with the comparisons inline (the general priority queue compared tuples through a comparer).
    /// </summary>
    private sealed class Best(int size)
    {
        private float[] _scores = new float[Math.Min(size, 1 << 12)];
        private int[] _docs = new int[Math.Min(size, 1 << 12)];
        private int _count;

        public bool Full => _count == size;

        /// <summary>The weakest candidate's score once there are <c>size</c>; below every score until then.</summary>
        public float Threshold { get; private set; } = float.NegativeInfinity;

        public void Offer(int doc, float score)
        {
            if (_count == size)
            {
                if (score <= Threshold)
                {
                    return;
                }

                Sink(doc, score);
            }
            else
            {
                if (_count == _scores.Length)
                {
                    var larger = (int)Math.Min(size, 2L * _scores.Length);
                    Array.Resize(ref _scores, larger);
                    Array.Resize(ref _docs, larger);
                }

                Rise(_count++, doc, score);
            }

            if (_count == size)
            {
                Threshold = _scores[0];
            }
        }

        /// <summary>The best, best first: the higher score, then the earlier document.</summary>
        public List<int> Documents()
        {
            var order = Enumerable.Range(0, _count).ToArray();
            Array.Sort(order, (a, b) => _scores[a] != _scores[b] ? _scores[b].CompareTo(_scores[a]) : _docs[a].CompareTo(_docs[b]));
            return [.. order.Select(i => _docs[i])];
        }

        /// <summary>Whether (score, doc) is weaker than the entry at <paramref name="i"/>: a lower score, or the same and a later document.</summary>
        private bool Weaker(float score, int doc, int i) => score < _scores[i] || (score == _scores[i] && doc > _docs[i]);

        private void Rise(int i, int doc, float score)
        {
            while (i > 0 && Weaker(score, doc, (i - 1) >> 1))
            {
                var parent = (i - 1) >> 1;
                (_scores[i], _docs[i]) = (_scores[parent], _docs[parent]);
                i = parent;
            }

            (_scores[i], _docs[i]) = (score, doc);
        }

        /// <summary>Puts (score, doc) in the weakest's place and moves it down below every weaker entry.</summary>
        private void Sink(int doc, float score)
        {
            var i = 0;
            while ((2 * i) + 1 < _count)
            {
                var child = (2 * i) + 1;
                if (child + 1 < _count && Weaker(_scores[child + 1], _docs[child + 1], child))
                {
                    child++;
                }

                if (Weaker(score, doc, child))
                {
                    break;
                }

                (_scores[i], _docs[i]) = (_scores[child], _docs[child]);
                i = child;
            }

            (_scores[i], _docs[i]) = (score, doc);
        }
    }

    /// <summary>A window's score slots and found bits, used by every segment of a search (each window leaves them cleared).</summary>
    private sealed class Window(int size)
    {
        public float[] Sums { get; } = new float[size];

        public ulong[] Found { get; } = new ulong[(size + 63) / 64];
    }
}
