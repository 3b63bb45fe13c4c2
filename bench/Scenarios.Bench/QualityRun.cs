using System.Globalization;
using System.Text;
using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Bench;

/// <summary>nDCG@10 and recall@50 of the platform's matchmaking and of the keyword baseline on the labelled set.</summary>
internal static class QualityRun
{
    /// <summary>The demo catalog's imports carry no qualifications, so the lookup finds none.</summary>
    public static Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> NoQualifications(IReadOnlyList<Guid> owners, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>(new Dictionary<Guid, IReadOnlyList<string>>());

    /// <summary>Needs ranked without the database: no challenge has been won.</summary>
    public static Task<IReadOnlyDictionary<Guid, int>> NoAwards(IReadOnlyList<Guid> owners, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(new Dictionary<Guid, int>());

    public static string Run(string work)
    {
        using var catalog = BenchCatalog.Create(Path.Combine(work, "quality"));
        var keys = catalog.AddDemoCatalog();
        using var baseline = new KeywordBaseline(catalog.Index);
        var set = LabelledSet.Read(Path.Combine(AppContext.BaseDirectory, "labelled-set.yaml"));
        var rows = new List<(string Id, double[] Platform, double[] Baseline)>();
        var bySupplier = new List<(double[] Platform, double[] Baseline, double[] SameText)>();
        var supplierOfKey = keys.ToDictionary(k => k.Value, k => catalog.OwnerOf[k.Key].ToString(), StringComparer.Ordinal);
        foreach (var scenario in set)
        {
            var matches = SupplierSearch.RankAsync(catalog.Search, scenario.Query, NoQualifications, NoAwards, CancellationToken.None).GetAwaiter().GetResult().Suppliers;
            var platform = matches.Select(m => keys[m.ListingId]).ToList();
            // BM25 ranks listings; collapsed to suppliers (first listing of each) and with the need's whole text, or
            // with exactly the text matchmaking searches.
            var keywordIds = baseline.Search(scenario.Query.Text, 1000);
            var keyword = keywordIds.Take(SupplierSearch.Shown).Select(id => keys[id]).ToList();
            var sameTextIds = baseline.Search(scenario.Query.SearchText, 1000);
            rows.Add((scenario.Id, Measures(platform, scenario.Grades), Measures(keyword, scenario.Grades)));
            var supplierGrades = scenario.Grades.Where(g => supplierOfKey.ContainsKey(g.Key)).GroupBy(g => supplierOfKey[g.Key])
                .ToDictionary(g => g.Key, g => g.Max(x => x.Value), StringComparer.Ordinal);
            List<string> Suppliers(IEnumerable<Guid> listings) => [.. listings.Select(id => catalog.OwnerOf[id].ToString()).Distinct().Take(SupplierSearch.Shown)];
            bySupplier.Add((Measures(Suppliers(matches.Select(m => m.ListingId)), supplierGrades), Measures(Suppliers(keywordIds), supplierGrades),
                Measures(Suppliers(sameTextIds), supplierGrades)));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Ranking quality on the labelled set\n\n{set.Count} scenarios, {set.Sum(s => s.Grades.Count)} judged listings ({set.Sum(s => s.Grades.Count(g => g.Value == 2))} of grade 2) over the demo catalog's {keys.Count:N0} listings (`bench/Scenarios.Bench/labelled-set.yaml`).\n");
        report.AppendLine("| ranker | nDCG@10 | recall@50 (grade ≥ 1) | recall@50 (grade 2) |\n| --- | ---: | ---: | ---: |");
        report.AppendLine(Summary("platform matchmaking", rows.Select(r => r.Platform).ToList()));
        report.AppendLine(Summary("keyword baseline (BM25)", rows.Select(r => r.Baseline).ToList()));
        report.AppendLine("\nThese figures judge listings: matchmaking shows each supplier once (its best listing, \"n more\"), so a supplier's other relevant listings count as missed, while BM25 lists them all. By supplier (a supplier's grade is its best judged listing's; BM25's ranking collapsed to the first listing of each supplier):\n");
        report.AppendLine("| ranker, by supplier | nDCG@10 | recall@50 (grade ≥ 1) | recall@50 (grade 2) |\n| --- | ---: | ---: | ---: |");
        report.AppendLine(Summary("platform matchmaking", bySupplier.Select(r => r.Platform).ToList()));
        report.AppendLine(Summary("keyword baseline (BM25), the need's whole text", bySupplier.Select(r => r.Baseline).ToList()));
        report.AppendLine(Summary("keyword baseline (BM25), the text matchmaking searches", bySupplier.Select(r => r.SameText).ToList()));
        var wins = rows.Count(r => r.Platform[0] > r.Baseline[0] + 1e-9);
        var losses = rows.Count(r => r.Platform[0] < r.Baseline[0] - 1e-9);
        report.AppendLine(CultureInfo.InvariantCulture, $"\nnDCG@10 per scenario: platform better on {wins}, baseline better on {losses}, equal on {rows.Count - wins - losses}.\n");
        report.AppendLine("| scenario | nDCG@10 platform | nDCG@10 baseline | recall@50 platform | recall@50 baseline |\n| --- | ---: | ---: | ---: | ---: |");
        foreach (var (id, p, b) in rows)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {id} | {p[0]:F3} | {b[0]:F3} | {p[1]:F3} | {b[1]:F3} |");
        }

        return report.ToString();
    }

    private static double[] Measures(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades) =>
        [Metrics.NdcgAt(10, ranked, grades), Metrics.RecallAt(50, ranked, grades), Metrics.RecallAt(50, ranked, grades, 2)];

    private static string Summary(string name, List<double[]> rows) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {rows.Average(r => r[0]):F3} | {rows.Average(r => r[1]):F3} | {rows.Average(r => r[2]):F3} |");
}
