using Funeng.Catalog.Contracts;
using Lucene.Net.Analysis;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Why a hit matched: each query concept found in the title or summary (and through which glossary name), and the
/// ones that matched elsewhere (keywords, attributes, owner, sector or city names) as <c>text</c>.
/// </summary>
internal static class MatchReasons
{
    /// <summary>Concepts not seen in the title or summary are checked against the index (an explanation each) up to this many.</summary>
    private const int MaxExplained = 12;

    public static IReadOnlyList<CatalogMatchReason> Explain(Analyzer analyzer, IndexSearcher searcher, int doc, QueryPlan plan, string titleZh, string titleEn, string summary)
    {
        if (plan.IsEmpty)
        {
            return [];
        }

        var title = BilingualAnalyzer.Terms(analyzer, IndexFields.All, titleZh + "\n" + titleEn).ToHashSet(StringComparer.Ordinal);
        var body = BilingualAnalyzer.Terms(analyzer, IndexFields.All, summary).ToHashSet(StringComparer.Ordinal);
        var reasons = new List<CatalogMatchReason>();
        var explained = 0;
        foreach (var concept in plan.Concepts)
        {
            var found = Find(analyzer, concept, title, "title") ?? Find(analyzer, concept, body, "summary");
            if (found is null && explained++ < MaxExplained && searcher.Explain(concept.Query, doc).IsMatch)
            {
                found = new CatalogMatchReason("text", concept.Surface, null);
            }

            if (found is not null)
            {
                reasons.Add(found);
            }
        }

        return reasons;
    }

    private static CatalogMatchReason? Find(Analyzer analyzer, QueryConcept concept, HashSet<string> terms, string field)
    {
        for (var i = 0; i < concept.Forms.Count; i++)
        {
            var formTerms = BilingualAnalyzer.Terms(analyzer, IndexFields.All, concept.Forms[i]);
            if (formTerms.Count > 0 && formTerms.All(terms.Contains))
            {
                return new CatalogMatchReason(field, concept.Surface, i == 0 ? null : concept.Forms[i]);
            }
        }

        return null;
    }
}
