using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Funeng.Catalog.Search;

/// <summary>
/// Scores a query at a short sorted list of documents (a broad search's candidates) one clause at a time, as Lucene's
/// boolean scorers would score it document by document. Lucene advances every clause's scorer to each candidate in
/// turn through a heap of some two hundred scorers (a need of several sentences: concepts, glossary names, bag terms),
/// which at 1 M took half of matchmaking's time (bench/results/scenarios.md, stop 28). Here each leaf clause (a term, a
/// phrase, anything that is not a boolean query) walks the candidates once, and a boolean query adds its clauses'
/// scores: its required clauses first, so that later clauses are read only where those match. Scores are Lucene's:
/// the same leaf weights normalised by the same boosts, a boolean's sum times its coord, the same rules for required,
/// prohibited and minimum-should-match clauses; only the order of the additions may differ in the last bit of a float.
/// Scoring and collecting are apart, so that runs of candidates can be scored on threads of their own and collected in
/// order after (<see cref="CandidateReader.Search"/>).
/// </summary>
internal static class ClauseByClause
{
    /// <summary>
    /// Scores <paramref name="docs"/> (sorted, segment-local) of each segment of <paramref name="searcher"/>: for each
    /// segment in order, its documents and their scores, NaN where <paramref name="query"/> does not match.
    /// </summary>
    public static Scored[] Score(IndexSearcher searcher, Query query, Func<AtomicReaderContext, int[]> docs)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var root = Node.Of(query, searcher);
        var norm = searcher.Similarity.QueryNorm(root.ValueForNormalization());
        root.Normalize(float.IsInfinity(norm) || float.IsNaN(norm) ? 1f : norm, 1f);
        return [.. searcher.IndexReader.Leaves.Select(segment =>
        {
            var candidates = docs(segment);
            var scores = new float[candidates.Length];
            root.Score(segment, candidates, candidates.Length, scores);
            return new Scored(candidates, scores);
        })];
    }

    /// <summary>
    /// Collects the matching documents of <paramref name="parts"/> (each part's <see cref="Score"/> over the same
    /// <paramref name="segments"/>, the parts' documents in order of the parts) into <paramref name="collector"/>,
    /// segment by segment, each segment's documents in order.
    /// </summary>
    public static void Collect(IList<AtomicReaderContext> segments, IReadOnlyList<Scored[]> parts, ICollector collector)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(collector);
        var scorer = new Fixed();
        for (var s = 0; s < segments.Count; s++)
        {
            collector.SetNextReader(segments[s]);
            collector.SetScorer(scorer);
            foreach (var (docs, scores) in parts.Select(p => p[s]))
            {
                for (var i = 0; i < docs.Length; i++)
                {
                    if (!float.IsNaN(scores[i]))
                    {
                        (scorer.Doc, scorer.Score) = (docs[i], scores[i]);
                        collector.Collect(docs[i]);
                    }
                }
            }
        }
    }

    /// <summary>A segment's scored documents (segment-local, sorted) and their scores, NaN where the query does not match.</summary>
    internal sealed record Scored(int[] Docs, float[] Scores);

    /// <summary>A clause of the query: a boolean query of clauses, or a leaf that Lucene scores.</summary>
    private abstract class Node
    {
        public static Node Of(Query query, IndexSearcher searcher) => query switch
        {
            BooleanQuery boolean => new Boolean(boolean, searcher),
            PhraseQuery { Slop: 0 } phrase when phrase.GetTerms().Length > 1 => new Phrase(phrase, searcher),
            _ => new Leaf(query.CreateWeight(searcher)),
        };

        public abstract float ValueForNormalization();

        public abstract void Normalize(float norm, float boost);

        /// <summary>Writes the score at each of the first <paramref name="count"/> of <paramref name="docs"/> into <paramref name="scores"/>, NaN where the clause does not match.</summary>
        public abstract void Score(AtomicReaderContext segment, int[] docs, int count, float[] scores);
    }

    private sealed class Leaf(Weight weight) : Node
    {
        public override float ValueForNormalization() => weight.GetValueForNormalization();

        public override void Normalize(float norm, float boost) => weight.Normalize(norm, boost);

        public override void Score(AtomicReaderContext segment, int[] docs, int count, float[] scores)
        {
            Array.Fill(scores, float.NaN, 0, count);
            if (count == 0 || weight.GetScorer(segment, segment.AtomicReader.LiveDocs) is not { } scorer)
            {
                return;
            }

            // A merge of the clause's documents and the candidates: the scorer leaps to the next candidate, the
            // candidates to the scorer's next document.
            var i = 0;
            var doc = scorer.Advance(docs[0]);
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                i = NextAtLeast(docs, i, count, doc);
                if (i == count)
                {
                    return;
                }

                if (docs[i] == doc)
                {
                    scores[i] = scorer.GetScore();
                    if (++i == count)
                    {
                        return;
                    }
                }

                doc = scorer.Advance(docs[i]);
            }
        }

        /// <summary>The first index from <paramref name="from"/> whose document is at least <paramref name="target"/>: a gallop, as most steps are short.</summary>
        private static int NextAtLeast(int[] docs, int from, int count, int target)
        {
            var step = 1;
            var low = from;
            var high = from;
            while (high < count && docs[high] < target)
            {
                low = high + 1;
                high += step;
                step <<= 1;
            }

            if (high >= count)
            {
                high = count;
            }

            var found = Array.BinarySearch(docs, low, high - low, target);
            return found < 0 ? ~found : found;
        }
    }

    /// <summary>
    /// An exact phrase. Where every one of its terms is frequent in the segment, its count in each document is remembered
    /// (<see cref="CommonTerms.OfPhrase"/>) and a candidate is scored from it as Lucene's phrase scorer scores it: the
    /// same statistics (the query's boost, the field's and each term's, as its phrase weight gathers them) and the
    /// similarity's scorer at the count. Elsewhere Lucene's scorer reads the phrase at the candidates.
    /// </summary>
    private sealed class Phrase : Node
    {
        private readonly PhraseQuery _query;
        private readonly IndexSearcher _searcher;
        private readonly Similarity.SimWeight _stats;
        private (float Norm, float Boost) _normalized = (1f, 1f);

        /// <summary>Lucene's own weight of the phrase, made only for a segment where it is not counted (it gathers the same statistics again).</summary>
        private Leaf? _read;

        public Phrase(PhraseQuery query, IndexSearcher searcher)
        {
            (_query, _searcher) = (query, searcher);
            var terms = query.GetTerms();
            _stats = searcher.Similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(terms[0].Field),
                [.. terms.Select(t => searcher.TermStatistics(t, TermContext.Build(searcher.TopReaderContext, t)))]);
        }

        public override float ValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float boost)
        {
            _normalized = (norm, boost);
            _stats.Normalize(norm, boost);
            _read?.Normalize(norm, boost);
        }

        public override void Score(AtomicReaderContext segment, int[] docs, int count, float[] scores)
        {
            if (segment.AtomicReader is not CandidateReader { Segment: var whole } || CommonTerms.OfPhrase(whole, _query) is not { } counts)
            {
                if (_read is null)
                {
                    _read = new Leaf(_query.CreateWeight(_searcher));
                    _read.Normalize(_normalized.Norm, _normalized.Boost);
                }

                _read.Score(segment, docs, count, scores);
                return;
            }

            var live = segment.AtomicReader.LiveDocs;
            var scorer = _searcher.Similarity.GetSimScorer(_stats, segment);
            for (var i = 0; i < count; i++)
            {
                var freq = counts.Freq(docs[i]);
                scores[i] = freq == 0 || (live is not null && !live.Get(docs[i])) ? float.NaN : scorer.Score(docs[i], freq);
            }
        }
    }

    /// <summary>A boolean query as Lucene scores it: the sum of its matching clauses times coord(matching, non-prohibited clauses).</summary>
    private sealed class Boolean : Node
    {
        private readonly Node[] _required, _prohibited, _optional;
        private readonly int _minimumOptional;
        private readonly float _boost;
        /// <summary>The coord factor by the number of matching clauses (Lucene's BooleanWeight.Coord, read once).</summary>
        private readonly float[] _coord;

        public Boolean(BooleanQuery query, IndexSearcher searcher)
        {
            _required = Clauses(query, searcher, c => c.IsRequired);
            _prohibited = Clauses(query, searcher, c => c.IsProhibited);
            _optional = Clauses(query, searcher, c => !c.IsRequired && !c.IsProhibited);
            // With no required clause one optional clause must match; with some, optional ones only add score.
            _minimumOptional = Math.Max(query.MinimumNumberShouldMatch, _required.Length == 0 ? 1 : 0);
            _boost = query.Boost;
            var clauses = _required.Length + _optional.Length;
            _coord = [.. Enumerable.Range(0, clauses + 1).Select(n => query.CoordDisabled ? 1f : searcher.Similarity.Coord(n, clauses))];
        }

        private static Node[] Clauses(BooleanQuery query, IndexSearcher searcher, Func<BooleanClause, bool> which) =>
            [.. query.Clauses.Where(which).Select(c => Of(c.Query, searcher))];

        public override float ValueForNormalization() =>
            _required.Concat(_optional).Sum(c => c.ValueForNormalization()) * _boost * _boost;

        public override void Normalize(float norm, float boost)
        {
            foreach (var clause in _required.Concat(_prohibited).Concat(_optional))
            {
                clause.Normalize(norm, boost * _boost);
            }
        }

        public override void Score(AtomicReaderContext segment, int[] docs, int count, float[] scores)
        {
            Array.Fill(scores, float.NaN, 0, count);
            if (_optional.Length < _minimumOptional)
            {
                return;
            }

            // The documents still in the running, each with where it sits in docs, its sum and its matching clauses.
            var active = ArrayPool<int>.Shared.Rent(count);
            var at = ArrayPool<int>.Shared.Rent(count);
            var sums = ArrayPool<double>.Shared.Rent(count);
            var matched = ArrayPool<int>.Shared.Rent(count);
            var clause = ArrayPool<float>.Shared.Rent(count);
            try
            {
                Array.Copy(docs, active, count);
                for (var i = 0; i < count; i++)
                {
                    (at[i], sums[i], matched[i]) = (i, 0, 0);
                }

                var left = count;
                foreach (var required in _required)
                {
                    required.Score(segment, active, left, clause);
                    left = Keep(left, matching: true);
                }

                foreach (var prohibited in _prohibited)
                {
                    prohibited.Score(segment, active, left, clause);
                    left = Keep(left, matching: false);
                }

                foreach (var optional in _optional)
                {
                    optional.Score(segment, active, left, clause);
                    for (var i = 0; i < left; i++)
                    {
                        if (!float.IsNaN(clause[i]))
                        {
                            sums[i] += clause[i];
                            matched[i]++;
                        }
                    }
                }

                for (var i = 0; i < left; i++)
                {
                    if (matched[i] - _required.Length >= _minimumOptional)
                    {
                        scores[at[i]] = (float)(sums[i] * _coord[matched[i]]);
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(active);
                ArrayPool<int>.Shared.Return(at);
                ArrayPool<double>.Shared.Return(sums);
                ArrayPool<int>.Shared.Return(matched);
                ArrayPool<float>.Shared.Return(clause);
            }

            // Moves to the front the documents the clause just scored matches (a required clause, whose score then
            // counts) or does not match (a prohibited one); how many are left.
            int Keep(int left, bool matching)
            {
                var kept = 0;
                for (var i = 0; i < left; i++)
                {
                    if (float.IsNaN(clause[i]) != matching)
                    {
                        (active[kept], at[kept], sums[kept], matched[kept]) =
                            matching ? (active[i], at[i], sums[i] + clause[i], matched[i] + 1) : (active[i], at[i], sums[i], matched[i]);
                        kept++;
                    }
                }

                return kept;
            }
        }
    }

    /// <summary>The score of the document being collected.</summary>
    private sealed class Fixed() : Scorer(null)
    {
        public int Doc { get; set; } = -1;

        public float Score { get; set; }

        public override int DocID => Doc;

        public override int Freq => 1;

        public override float GetScore() => Score;

        public override int NextDoc() => throw new NotSupportedException("A fixed score is collected, not iterated.");

        public override int Advance(int target) => throw new NotSupportedException("A fixed score is collected, not iterated.");

        public override long GetCost() => 1;
    }
}
