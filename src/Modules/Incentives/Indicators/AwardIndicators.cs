using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Indicators;

/// <summary>
/// Awards made (count and yuan) per city and year, and for the province, for the Index module; and for each program
/// whose yearly quota counts an indicator (the benchmark-case program's <c>benchmark_cases</c>), that indicator from
/// the same award count the quota is enforced on — the one tally every designation and every approval passes.
/// </summary>
internal sealed class AwardIndicators(IncentivesDb db, ProgramCatalog catalog) : ILiveIndicatorSource
{
    public const string Count = "incentive_awards";
    public const string Yuan = "incentive_award_yuan";
    private const string Source = "incentives.source.awards"; // a strings.json key: Index shows it in the reader's language
    private const string QuotaSource = "incentives.source.quota-awards";

    public async Task<IReadOnlyList<LiveObservation>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Awards.AsNoTracking().Where(a => a.Status != AwardStatus.ClawedBack)
            .GroupBy(a => new { a.Year, a.CitySlug })
            .Select(g => new { g.Key.Year, g.Key.CitySlug, Count = g.Count(), Fen = g.Sum(a => a.AmountFen) })
            .ToListAsync(cancellationToken);
        var observations = new List<LiveObservation>();
        foreach (var row in rows.Where(r => r.CitySlug is not null))
        {
            observations.Add(new LiveObservation(Count, "city:" + row.CitySlug, row.Year, row.Count, Source));
            observations.Add(new LiveObservation(Yuan, "city:" + row.CitySlug, row.Year, row.Fen / 100m, Source));
        }

        foreach (var year in rows.GroupBy(r => r.Year))
        {
            observations.Add(new LiveObservation(Count, "province", year.Key, year.Sum(r => r.Count), Source));
            observations.Add(new LiveObservation(Yuan, "province", year.Key, year.Sum(r => r.Fen) / 100m, Source));
        }

        foreach (var program in catalog.Programs)
        {
            if (program.Quota is not { } quota || program.Parameter(quota)?.Target is not { } indicator)
            {
                continue;
            }

            var tally = await db.Awards.AsNoTracking().Where(a => a.ProgramId == program.Id && a.Status != AwardStatus.ClawedBack)
                .GroupBy(a => a.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            observations.AddRange(tally.Select(t => new LiveObservation(indicator, "province", t.Year, t.Count, QuotaSource)));
        }

        return observations;
    }
}
