using Funeng.Catalog.Contracts;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Funeng.Catalog.Search;

/// <summary>
/// Why a hit matched: each query concept found in the title or summary (and through which glossary name), and the
/// ones that matched elsewhere (keywords, attributes, owner, sector or city names) as <c>text</c>. One per search: a
/// concept's weight is made once for all its hits (an explanation per hit and concept built one each time, which at
/// a million listings cost as much as the search).
/// </summary>
internal sealed class MatchReasons(Analyzer analyzer, IndexSearcher searcher, QueryPlan plan)
{
    /// <summary>Concepts not seen in the title or summary are checked against the index up to this many per hit.</summary>
    private const int MaxExplained = 12;

    private readonly Weight?[] _weights = new Weight?[plan.Concepts.Count];

    public IReadOnlyList<CatalogMatchReason> Explain(int doc, string titleZh, string titleEn, string summary)
    {
        if (plan.IsEmpty)
        {
            return [];
        }

        var title = BilingualAnalyzer.Terms(analyzer, IndexFields.All, titleZh + "\n" + titleEn).ToHashSet(StringComparer.Ordinal);
        var body = BilingualAnalyzer.Terms(analyzer, IndexFields.All, summary).ToHashSet(StringComparer.Ordinal);
        var reasons = new List<CatalogMatchReason>();
        var explained = 0;
        for (var c = 0; c < plan.Concepts.Count; c++)
        {
            var concept = plan.Concepts[c];
            var found = Find(analyzer, concept, title, "title") ?? Find(analyzer, concept, body, "summary");
            if (found is null && explained++ < MaxExplained && Matches(c, doc))
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

    /// <summary>Whether the concept's query matches the document: its scorer on the document's segment, advanced to it.</summary>
    private bool Matches(int concept, int doc)
    {
        var weight = _weights[concept] ??= searcher.CreateNormalizedWeight(plan.Concepts[concept].Query);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var local = doc - leaf.DocBase;
        var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
        return scorer is not null && scorer.Advance(local) == local;
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
