using System.Globalization;
using System.Text;
using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Bench;

/// <summary>nDCG@10 and recall@50 of the platform's matchmaking and of the keyword baseline on the labelled set.</summary>
internal static class QualityRun
{
    private static readonly IReadOnlyDictionary<Guid, int> NoAwards = new Dictionary<Guid, int>();

    /// <summary>The demo catalog's imports carry no qualifications, so the lookup finds none.</summary>
    public static Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> NoQualifications(IReadOnlyList<Guid> owners, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<string>>>(new Dictionary<Guid, IReadOnlyList<string>>());

    public static string Run(string work)
    {
        using var catalog = BenchCatalog.Create(Path.Combine(work, "quality"));
        var keys = catalog.AddDemoCatalog();
        using var baseline = new KeywordBaseline(catalog.Index);
        var set = LabelledSet.Read(Path.Combine(AppContext.BaseDirectory, "labelled-set.yaml"));
        var rows = new List<(string Id, double[] Platform, double[] Baseline)>();
        foreach (var scenario in set)
        {
            var platform = SupplierSearch.RankAsync(catalog.Search, scenario.Query, NoQualifications, NoAwards, CancellationToken.None)
                .GetAwaiter().GetResult().Select(m => keys[m.ListingId]).ToList();
            var keyword = baseline.Search(scenario.Query.Text, SupplierSearch.Shown).Select(id => keys[id]).ToList();
            rows.Add((scenario.Id, Measures(platform, scenario.Grades), Measures(keyword, scenario.Grades)));
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Ranking quality on the labelled set\n\n{set.Count} scenarios, {set.Sum(s => s.Grades.Count)} judged listings ({set.Sum(s => s.Grades.Count(g => g.Value == 2))} of grade 2) over the demo catalog's {keys.Count:N0} listings (`bench/Scenarios.Bench/labelled-set.yaml`).\n");
        report.AppendLine("| ranker | nDCG@10 | recall@50 (grade ≥ 1) | recall@50 (grade 2) |\n| --- | ---: | ---: | ---: |");
        report.AppendLine(Summary("platform matchmaking", rows.Select(r => r.Platform).ToList()));
        report.AppendLine(Summary("keyword baseline (BM25)", rows.Select(r => r.Baseline).ToList()));
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
