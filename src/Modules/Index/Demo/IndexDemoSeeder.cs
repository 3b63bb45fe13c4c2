using Funeng.Index.Data;
using Funeng.Index.Observations;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Index.Demo;

/// <summary>
/// Demo observations: the real CAC filing series per city (see Demo/Data/PROVENANCE.md), and, so that the
/// headline progress has something to show before the other modules count live, a few provincial figures that
/// are invented and flagged as such (every page that shows them says so).
/// </summary>
internal sealed class IndexDemoSeeder(IndexDb db, RecordObservations recorder) : IDemoSeeder
{
    /// <summary>A source key (observation sources the system writes are keys, shown in the reader's language).</summary>
    public const string InventedSource = "index.source.invented-demo";

    public async Task<IReadOnlyList<ProblemMessage>> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Observations.AnyAsync(o => o.Channel == "demo", cancellationToken))
        {
            return [];
        }

        var written = await recorder.RecordAsync([.. RealSeries.All(), .. Invented()], "demo", cancellationToken);
        return [ProblemMessage.Of("index.demo.seeded", written.Count, written.Count(o => o.Invented))];
    }

    private static IEnumerable<NewObservation> Invented()
    {
        const string province = GuangdongCities.ProvinceScope;
        (string Indicator, int Year, decimal Value)[] figures =
        [
            ("compute_capacity", 2023, 22m), ("compute_capacity", 2024, 31m), ("compute_capacity", 2025, 38m),
            ("core_ai_industry_revenue", 2023, 180_000_000_000m), ("core_ai_industry_revenue", 2024, 230_000_000_000m), ("core_ai_industry_revenue", 2025, 305_000_000_000m),
        ];
        return figures.Select(f => new NewObservation(f.Indicator, province, f.Year, f.Value, InventedSource, Invented: true));
    }
}
