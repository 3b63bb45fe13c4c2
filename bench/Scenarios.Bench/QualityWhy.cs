using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search;
using Funeng.Catalog.Search.Glossary;
using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Bench;

/// <summary>
/// Diagnosis on the labelled set (<c>-- why [N]</c>): matchmaking with one part changed at a time (the query text it
/// builds, the sector and city features, the ranker's weights), measured like the quality run; then, for the
/// <c>N</c> scenarios where BM25 beats matchmaking by most, the query plan and both top 10s with grades and the
/// terms each hit matched.
/// </summary>
internal static class QualityWhy
{
    public static void Run(string work, int worst, TextWriter log)
    {
        using var catalog = BenchCatalog.Create(Path.Combine(work, "quality-why"));
        var keys = catalog.AddDemoCatalog();
        using var baseline = new KeywordBaseline(catalog.Index);
        var set = LabelledSet.Read(Path.Combine(AppContext.BaseDirectory, "labelled-set.yaml"));
        // Reasons change no order and cost most of a search: off for the measures, on for the top 10s below.
        catalog.Search.ExplainMatches = false;

        List<Guid> Match(MatchQuery query, SearchTuning? tuning = null)
        {
            catalog.Search.Tuning = tuning ?? SearchTuning.Default;
            var found = SupplierSearch.RankAsync(catalog.Search, query, QualityRun.NoQualifications, QualityRun.NoAwards, CancellationToken.None).GetAwaiter().GetResult().Suppliers;
            catalog.Search.Tuning = SearchTuning.Default;
            return [.. found.Select(m => m.ListingId)];
        }

        List<Guid> Text(string text, bool collapse) => [.. catalog.Search.SearchAsync(new CatalogSearchRequest(text, CatalogFilters.None, CatalogViewer.Public, 1, SupplierSearch.Shown)
        {
            TextMatch = CatalogTextMatch.AnyTerm, CollapseByOwner = collapse, WithFacets = false,
        }).GetAwaiter().GetResult().Hits.Where(h => h.Kind != CatalogHitKind.Organisation).Select(h => h.Id)];

        var variants = new (string Name, Func<MatchQuery, List<Guid>> Rank)[]
        {
            ("matchmaking as it is", q => Match(q)),
            ("  without the sector's trade words (SearchText = title + outcome)", q => Match(q with { Sector = "" })),
            ("  title's Chinese part only (the labelled set's titles are 'zh / en')", q => Match(q with { Title = ChinesePart(q.Title) })),
            ("  with the problem too (the whole need + trade words)", q => Match(q with { Title = q.Title + "\n" + q.Problem })),
            ("  text score alone (no sector or city re-ranking)", q => Text(q.SearchText, collapse: true)),
            ("  title weight 1", q => Match(q, SearchTuning.Default with { TitleBoost = 1f })),
            ("  no bag of terms", q => Match(q, SearchTuning.Default with { BagBoost = 0 })),
            ("  glossary names weigh ~nothing", q => Match(q, SearchTuning.Default with { GlossaryBoost = 0.001f })),
            ("  no word field", q => Match(q, SearchTuning.Default with { WordsBoost = 0 })),
            ("  common concepts at full weight", q => Match(q, SearchTuning.Default with { CommonBoost = 1f })),
            ("  k1 1.2", q => Match(q, SearchTuning.Default with { K1 = 1.2f })),
            ("  untuned weights", q => Match(q, SearchTuning.Untuned)),
            ("BM25, the text matchmaking searches", q => [.. baseline.Search(q.SearchText, SupplierSearch.Shown)]),
            ("BM25, the need's whole text", q => [.. baseline.Search(q.Text, SupplierSearch.Shown)]),
        };

        log.WriteLine("variant | nDCG@10 | nDCG@10 by supplier | recall@50 by supplier");
        foreach (var (name, rank) in variants)
        {
            var measures = set.Select(s => Measures(catalog, keys, s, rank(s.Query))).ToList();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} | {measures.Average(m => m[0]):F3} | {measures.Average(m => m[1]):F3} | {measures.Average(m => m[2]):F3}"));
        }

        var gaps = set.Select(s => (Scenario: s, Platform: Match(s.Query), Bm25: baseline.Search(s.Query.SearchText, SupplierSearch.Shown).ToList()))
            .Select(r => (r.Scenario, r.Platform, r.Bm25, Gap: Measures(catalog, keys, r.Scenario, r.Bm25)[1] - Measures(catalog, keys, r.Scenario, r.Platform)[1]))
            .OrderByDescending(r => r.Gap).Take(worst).ToList();
        catalog.Search.ExplainMatches = true;
        foreach (var (scenario, platform, bm25, gap) in gaps)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n## {scenario.Id}: BM25 ahead by {gap:F3} (nDCG@10 by supplier)"));
            log.WriteLine($"searched: {scenario.Query.SearchText.Replace('\n', ' ')}");
            var plan = catalog.Index.Search(s => QueryPlan.Build(scenario.Query.SearchText, CatalogTextMatch.AnyTerm, catalog.Index.Analyzer, DomainGlossary.Shipped, s.IndexReader));
            log.WriteLine($"concepts: {string.Join(", ", plan.Concepts.Select(c => $"{c.Surface}{(c.Common ? "(common)" : "")}{(c.Forms.Count > 1 ? "→" + string.Join('|', c.Forms.Skip(1)) : "")}"))}");
            log.WriteLine($"bag: {string.Join(' ', plan.Bag.Select(b => b.Key))}");
            var hits = catalog.Search.SearchAsync(new CatalogSearchRequest(scenario.Query.SearchText, CatalogFilters.None, CatalogViewer.Public, 1, SupplierSearch.Shown)
            {
                TextMatch = CatalogTextMatch.AnyTerm, WithFacets = false,
            }).GetAwaiter().GetResult().Hits.ToDictionary(h => h.Id);
            log.WriteLine("matchmaking:");
            foreach (var id in platform.Take(10))
            {
                var why = hits.TryGetValue(id, out var hit) ? string.Join(' ', hit.Reasons.Select(r => $"{r.Field}:{r.Term}{(r.Via is null ? "" : "=" + r.Via)}")) : "";
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {scenario.Grades.GetValueOrDefault(keys[id])} {catalog.TitleOf[id]} [{why}]"));
            }

            log.WriteLine("BM25 (same text):");
            var queryTerms = BilingualAnalyzer.Terms(catalog.Index.Analyzer, IndexFields.All, scenario.Query.SearchText).ToHashSet(StringComparer.Ordinal);
            foreach (var id in bm25.Take(10))
            {
                var at = platform.IndexOf(id) is var i and >= 0 ? (i + 1).ToString(CultureInfo.InvariantCulture) : "-";
                log.WriteLine($"  {scenario.Grades.GetValueOrDefault(keys[id])} {catalog.TitleOf[id]} (matchmaking rank {at}) [{string.Join(' ', Matched(catalog, id, queryTerms))}]");
            }
        }
    }

    private static string ChinesePart(string title) => title.Split(" / ")[0];

    /// <summary>Listing nDCG@10; by supplier (each supplier's first listing, graded by its best judged listing) nDCG@10 and recall@50.</summary>
    private static double[] Measures(BenchCatalog catalog, IReadOnlyDictionary<Guid, string> keys, LabelledScenario scenario, IReadOnlyList<Guid> ranked)
    {
        var supplierOfKey = keys.ToDictionary(k => k.Value, k => catalog.OwnerOf[k.Key].ToString(), StringComparer.Ordinal);
        var supplierGrades = scenario.Grades.Where(g => supplierOfKey.ContainsKey(g.Key)).GroupBy(g => supplierOfKey[g.Key])
            .ToDictionary(g => g.Key, g => g.Max(x => x.Value), StringComparer.Ordinal);
        List<string> suppliers = [.. ranked.Select(id => catalog.OwnerOf[id].ToString()).Distinct().Take(SupplierSearch.Shown)];
        return [Metrics.NdcgAt(10, [.. ranked.Select(id => keys[id])], scenario.Grades), Metrics.NdcgAt(10, suppliers, supplierGrades), Metrics.RecallAt(50, suppliers, supplierGrades)];
    }

    /// <summary>The query's bigram terms found in the listing's stored title and summary.</summary>
    private static List<string> Matched(BenchCatalog catalog, Guid id, HashSet<string> queryTerms) => catalog.Index.Search(s =>
    {
        var top = s.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(IndexFields.Id, id.ToString())), 1);
        var doc = s.Doc(top.ScoreDocs[0].Doc);
        var text = doc.Get(IndexFields.TitleZh, CultureInfo.InvariantCulture) + "\n" + doc.Get(IndexFields.Summary, CultureInfo.InvariantCulture);
        return BilingualAnalyzer.Terms(catalog.Index.Analyzer, IndexFields.All, text).Where(queryTerms.Contains).Distinct().ToList();
    });
}
