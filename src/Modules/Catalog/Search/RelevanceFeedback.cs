using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Pseudo-relevance feedback in the manner of RM3: the terms that weigh most in the first hits (term share of the
/// hit's title and summary, times the hit's score relative to the best, times the term's idf so boilerplate stays
/// out) become optional clauses of a second pass. Off unless <see cref="SearchTuning.FeedbackDocs"/> is set.
/// </summary>
internal static class RelevanceFeedback
{
    public static IReadOnlyList<(string Term, float Weight)> Terms(IndexSearcher searcher, Analyzer analyzer, QueryPlan plan, ScoreDoc[] first)
    {
        var tuning = plan.Tuning;
        var docs = first.Take(tuning.FeedbackDocs).Where(d => !float.IsNaN(d.Score)).ToList();
        if (docs.Count == 0)
        {
            return [];
        }

        var best = docs.Max(d => d.Score);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in docs)
        {
            var doc = searcher.Doc(hit.Doc);
            // The stored texts as the index holds them (simplified characters), so the terms chosen are terms it has.
            var counts = Counts(analyzer, IndexedText.Of(doc.Get(IndexFields.TitleZh, CultureInfo.InvariantCulture) + "\n" + doc.Get(IndexFields.Summary, CultureInfo.InvariantCulture)));
            var length = Math.Max(1, counts.Values.Sum());
            foreach (var (term, count) in counts)
            {
                weights[term] = weights.GetValueOrDefault(term) + ((double)count / length * (best > 0 ? hit.Score / best : 1));
            }
        }

        var own = plan.Bag.SelectMany(b => b.Terms).Concat(plan.Concepts.SelectMany(c => c.Forms).SelectMany(f => BilingualAnalyzer.Terms(analyzer, IndexFields.All, f)))
            .ToHashSet(StringComparer.Ordinal);
        var reader = searcher.IndexReader;
        var common = reader.NumDocs * tuning.CommonFraction;
        var chosen = weights.Where(w => !own.Contains(w.Key))
            .Select(w => (Term: w.Key, Df: DocFrequencies.Of(reader, IndexFields.All, w.Key), w.Value))
            .Where(w => w.Df >= 2 && w.Df <= common)
            .Select(w => (w.Term, Weight: w.Value * Math.Log((double)reader.NumDocs / w.Df)))
            .OrderByDescending(w => w.Weight).ThenBy(w => w.Term, StringComparer.Ordinal)
            .Take(tuning.FeedbackTerms).ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var top = chosen[0].Weight;
        return [.. chosen.Select(c => (c.Term, (float)(tuning.FeedbackWeight * c.Weight / top)))];
    }

    private static Dictionary<string, int> Counts(Analyzer analyzer, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(IndexFields.All, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        stream.End();
        return counts;
    }
}
