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
/// BM25 scores summed, as the Boolean query sums them (a common term's read from its frequencies and the field's norms
/// by <see cref="CommonTermScorer"/>, the same floats); a candidate equal to the weakest keeps the earlier document,
/// as Lucene's collector does.
/// </para>
/// <para>
/// A large segment is read in ranges of documents at once, one per thread, when the search ranks enough candidates to
/// be scored in parts (<see cref="HitBudgets.PartsFor"/>, <see cref="RangeDocuments"/>): matchmaking's 5,000 at 1 M,
/// where two ranges measured a tenth faster; a search's 1,000, with a few terms, was slower in two (stop 31); and only
/// on cores that other running searches leave (stop 32). Each range keeps its own candidates, which join the search's
/// after.
/// </para>
/// </summary>
internal static class FirstPass
{
    /// <summary>Documents read together: their scores add up in one array, as in Lucene's bulk scorer.</summary>
    public const int WindowSize = 4096;

    /// <summary>
    /// The fewest documents of a segment worth a thread of their own: with two parts, a segment of a million is read in
    /// two ranges, one under 200,000 in one.
    /// </summary>
    public const int RangeDocuments = 100_000;

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
    /// terms, not BM25, a filter without random access): the caller then runs it as Lucene does. A segment of at least
    /// twice <paramref name="rangeDocuments"/> is read in up to <paramref name="parts"/> ranges at once.
    /// </summary>
    public static Result? Run(IndexSearcher searcher, Query query, Filter filter, int candidates, FacetCollector? facets, HitBudgets budgets,
        int parts = 1, int windowSize = WindowSize, int rangeDocuments = RangeDocuments)
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
        var states = terms.Select(t => TermContext.Build(common.TopReaderContext, t.Term)).ToArray();
        var weights = terms.Select((t, i) => common.CreateNormalizedWeight(new TermQuery(t.Term, states[i]) { Boost = t.Boost })).ToArray();
        if (weights.Any(w => searcher.Similarity.QueryNorm(w.GetValueForNormalization()) != 1f))
        {
            return null;
        }

        var simWeights = terms.Select((t, i) => CommonTermScorer.Weigh(common, bm25, t, states[i])).ToArray();

        // Each segment's filter as bits (FilterCache's sets offer them; a segment without a set has no hit), checked
        // before anything is counted, so that a fallback starts from nothing.
        var leaves = searcher.IndexReader.Leaves.Select(leaf => (Leaf: leaf, Set: filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs))).ToList();
        if (leaves.Any(l => l.Set is not null && l.Set.Bits is null))
        {
            return null;
        }

        var bounds = weights.Select(w => MathF.Sqrt(w.GetValueForNormalization()) * (bm25.K1 + 1) * (1 + 1e-4f)).ToArray();
        var lengths = terms.Select(t => t.Term.Field).Distinct().ToDictionary(f => f, f => BlockBound.Lengths(bm25, common.CollectionStatistics(f)));
        var best = new BestCandidates(candidates);
        var total = default(Counts);
        foreach (var (leaf, set) in leaves.Where(l => l.Set is not null))
        {
            // Each range of the segment reads the terms through scorers of its own; the terms' frequencies, block bounds
            // and scores by frequency and norm are the segment's, looked up once.
            var frequencies = terms.Select(t => CommonTerms.Find(leaf.AtomicReader, t.Term)).ToArray();
            var blocks = terms.Select((t, i) => BlockBound.Of(frequencies[i], bounds[i], lengths[t.Term.Field])).ToArray();
            var scores = terms.Select(_ => new CommonTermScorer.Scores()).ToArray();
            Clause[] Scorers() => [.. Enumerable.Range(0, weights.Length)
                .Select(i => new Clause(weights[i].GetScorer(common.IndexReader.Leaves[leaf.Ord], set!.Bits), bounds[i], blocks[i],
                    frequencies[i] is { } frequency ? CommonTermScorer.Of(frequency, leaf, terms[i].Term.Field, set.Bits, bm25, simWeights[i], scores[i]) : null))
                .Where(s => s.Scorer is not null).OrderBy(s => s.Bound)];
            // The segment's facet share, as BoundedCollector samples; the hits are counted exactly until the search
            // has counted as many as the facet sample (or the share, if more), so that a search with fewer hits than
            // that (most searches) has an exact total, and a segment's estimate rests on a sample of its own.
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var share = BoundedCollector.Share(budgets.FacetSample, maxDoc, searcher.IndexReader.MaxDoc);
            var exactUpTo = (int)Math.Max(share, Math.Max(0, budgets.FacetSample - total.Counted));
            var ranges = Math.Clamp(maxDoc / rangeDocuments, 1, Math.Max(1, parts));
            total += ranges == 1
                ? Faceted(new Range(Scorers(), leaf, 0, maxDoc, share, exactUpTo, best, windowSize), facets, published: null, at: 0)
                : InRanges(ranges, k => new Range(Scorers(), leaf, (int)((long)maxDoc * k / ranges), (int)((long)maxDoc * (k + 1) / ranges),
                    share, exactUpTo, new BestCandidates(candidates, best.Threshold), windowSize), facets, best);
        }

        return new Result(best.Documents(), (int)Math.Min(int.MaxValue, total.Hits), total.Estimated, total.Scored);
    }

    /// <summary>A range of a segment's documents, read on one thread with its own scorers and candidates.</summary>
    private sealed record Range(Clause[] Scorers, AtomicReaderContext Leaf, int From, int To, int Share, int ExactUpTo, BestCandidates Best, int WindowSize);

    /// <summary>What a range counted: its hits (exact or estimated), those counted and faceted, and the documents scored.</summary>
    private readonly record struct Counts(long Hits, long Counted, int Faceted, bool Estimated, long Scored)
    {
        public static Counts operator +(Counts a, Counts b) =>
            new(a.Hits + b.Hits, a.Counted + b.Counted, a.Faceted + b.Faceted, a.Estimated || b.Estimated, a.Scored + b.Scored);
    }

    /// <summary>A range read (<see cref="Read"/>) with its hits' facet values counted into <paramref name="facets"/>, scaled to its hits.</summary>
    private static Counts Faceted(Range range, FacetCollector? facets, float[]? published, int at)
    {
        facets?.SetNextReader(range.Leaf);
        var counts = Read(range, facets, published, at);
        facets?.EndSegment(counts.Faceted == 0 ? 1 : counts.Hits / (double)counts.Faceted);
        return counts;
    }

    /// <summary>
    /// A segment read in <paramref name="count"/> ranges at once, each on its own thread with its own candidates and
    /// facet counts; each counts exactly up to the segment's exact count and facets up to its share, so a search with
    /// fewer hits stays exact. A range takes as its floor the weakest candidate of the ranges before it (their documents
    /// come first and win ties), so that it skips what they already rule out. The ranges' candidates then join the
    /// search's, as one range would have offered them (the candidates' keys order them by document at equal scores).
    /// </summary>
    private static Counts InRanges(int count, Func<int, Range> rangeOf, FacetCollector? facets, BestCandidates best)
    {
        var ranges = Enumerable.Range(0, count).Select(rangeOf).ToArray();
        var rangeFacets = ranges.Select(_ => facets?.Another()).ToArray();
        var counts = new Counts[count];
        var published = new float[count];
        Array.Fill(published, float.NegativeInfinity);
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, k => counts[k] = Faceted(ranges[k], rangeFacets[k], published, k));

        var total = default(Counts);
        for (var k = 0; k < count; k++)
        {
            facets?.Add(rangeFacets[k]!);
            best.Merge(ranges[k].Best);
            total += counts[k];
        }

        return total;
    }

    /// <summary>
    /// One range of a segment, a window of documents at a time as Lucene's bulk scorer reads a disjunction: the terms
    /// that can lift a document past the weakest candidate add their scores into the window's slots; then each document
    /// found looks up the other terms, highest bound first, while it can still pass. Every hit is scored and counted up
    /// to the range's exact count (the first of its facet share faceted); only then do terms drop out. With
    /// <paramref name="published"/>, the range publishes its weakest candidate's score at <paramref name="at"/> after
    /// each window and raises its own floor to the highest published before it.
    /// </summary>
    private static Counts Read(Range range, FacetCollector? facets, float[]? published, int at)
    {
        var (scorers, docBase, from, to, share, exactUpTo, best) = (range.Scorers, range.Leaf.DocBase, range.From, range.To, range.Share, range.ExactUpTo, range.Best);
        var window = new Window(range.WindowSize);
        var n = scorers.Length;
        var docs = new int[n];
        // upTo[i]: the highest score terms 0..i (in order of their bounds) can give a document together.
        var upTo = new float[n];
        for (var i = 0; i < n; i++)
        {
            docs[i] = Advance(scorers[i], from);
            upTo[i] = (i == 0 ? 0 : upTo[i - 1]) + scorers[i].Bound;
        }

        var (sums, found) = (window.Sums, window.Found);
        var (counted, skipping, sampledTo, essential, scored) = (0, false, to, 0, 0L);
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

            if (start >= to)
            {
                break;
            }

            for (var k = 0; published is not null && k < at; k++)
            {
                best.RaiseFloor(Volatile.Read(ref published[k]));
            }

            var end = (int)Math.Min((long)start + sums.Length, to);
            var (lookedUpBound, anyLookedUp) = (0f, false);
            if (skipping && n - essential <= BlockwiseTerms)
            {
                // One block at a time: the essential terms whose bounds in this block add up to no more than the
                // weakest candidate's score, with the terms already dropped out, bring no document here.
                var block = start >> TermFrequencies.BlockShift;
                end = Math.Min(end, Math.Min((block + 1) << TermFrequencies.BlockShift, to));
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

                if (scorers[i].Common is { } commonTerm)
                {
                    docs[i] = commonTerm.AddTo(sums, found, start, end, docs[i]);
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
                            score += LookUp(scorers[i], ref docs[i], doc);
                        }
                    }

                    for (var i = essential - 1; passes && i >= 0; i--)
                    {
                        if (score + upTo[i] <= best.Threshold)
                        {
                            passes = false;
                            break;
                        }

                        score += LookUp(scorers[i], ref docs[i], doc);
                    }

                    if (!skipping)
                    {
                        if (counted < share)
                        {
                            facets?.Collect(doc);
                        }

                        counted++;
                        if (counted >= exactUpTo && best.Bounded)
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
                    docs[i] = Advance(scorers[i], end);
                }
            }

            while (skipping && essential < n && upTo[essential] <= best.Threshold)
            {
                essential++;
            }

            if (published is not null)
            {
                Volatile.Write(ref published[at], best.Threshold);
            }
        }

        var faceted = Math.Min(counted, share);
        if (!skipping)
        {
            return new(counted, counted, faceted, false, scored);
        }

        // The hits counted per document read, over the whole range: an estimate, as the facets scaled from it are.
        return new((long)Math.Round(counted * (double)(to - from) / (sampledTo - from)), counted, faceted, true, scored);
    }

    /// <summary>
    /// What the term <paramref name="clause"/> adds to <paramref name="doc"/>, looked up from its current document
    /// <paramref name="at"/> (moved on to <paramref name="doc"/> or past it): 0 when the document does not hold it.
    /// </summary>
    private static float LookUp(in Clause clause, ref int at, int doc)
    {
        if (at < doc)
        {
            at = Advance(clause, doc);
        }

        return at != doc ? 0f : clause.Common?.Score(doc) ?? clause.Scorer.GetScore();
    }

    /// <summary>The clause's first document from <paramref name="target"/> on, through whichever reader it is read by.</summary>
    private static int Advance(in Clause clause, int target) => clause.Common?.Advance(target) ?? clause.Scorer.Advance(target);

    /// <summary>
    /// A term's scorer in a segment, the most it adds to a document, the most in each block where it is common, and
    /// there its own reader of frequencies and scores (which the scorer then lags behind: a clause is read through one
    /// or the other).
    /// </summary>
    private readonly record struct Clause(Scorer Scorer, float Bound, BlockBound? Blocks, CommonTermScorer? Common);

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

    /// <summary>A range's score slots and found bits (each window leaves them cleared).</summary>
    private sealed class Window(int size)
    {
        public float[] Sums { get; } = new float[size];

        public ulong[] Found { get; } = new ulong[(size + 63) / 64];
    }
}
