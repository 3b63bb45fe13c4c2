using System.Globalization;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Funeng.Incentives.Reports;

/// <summary>Committed and paid against budget, per program and year, and per city; also as an Excel workbook.</summary>
internal sealed class BudgetReport(IncentivesDb db, ProgramCatalog catalog, TimeProvider clock)
{
    /// <summary>A program's money in a year; <paramref name="ClawedBack"/> is what clawbacks returned to the available budget.</summary>
    public sealed record ProgramYear(string ProgramId, string ProgramName, int Year, decimal Budget, decimal Committed, decimal Paid, decimal Available, int Awards, decimal ClawedBack);

    public sealed record CityYear(string ProgramId, string ProgramName, int Year, string City, decimal Committed, decimal Paid, int Awards);

    public sealed record Report(int? Year, IReadOnlyList<ProgramYear> Programs, IReadOnlyList<CityYear> Cities);

    public static async Task<Ok<Report>> HandleAsync(int? year, BudgetReport report, CancellationToken cancellationToken) =>
        TypedResults.Ok(await report.BuildAsync(year, cancellationToken));

    public static async Task<FileContentHttpResult> ExcelAsync(int? year, BudgetReport report, UiText text, CancellationToken cancellationToken)
    {
        var built = await report.BuildAsync(year, cancellationToken);
        var bytes = await Workbook(built, text, CultureInfo.CurrentUICulture, cancellationToken);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"incentives-budget-{year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}.xlsx");
    }

    public async Task<Report> BuildAsync(int? year, CancellationToken cancellationToken)
    {
        var ledger = await db.Ledger.AsNoTracking().Where(l => year == null || l.Year == year)
            .GroupBy(l => new { l.ProgramId, l.Year, l.Account })
            .Select(g => new { g.Key.ProgramId, g.Key.Year, g.Key.Account, Fen = g.Sum(l => l.AmountFen) })
            .ToListAsync(cancellationToken);
        // One read of the awards: the clawed-back ones count only as money returned, the rest as awards.
        var everyAward = await db.Awards.AsNoTracking().Where(a => year == null || a.Year == year)
            .GroupBy(a => new { a.ProgramId, a.Year, a.CitySlug, a.Status })
            .Select(g => new { g.Key.ProgramId, g.Key.Year, g.Key.CitySlug, g.Key.Status, Count = g.Count(), Fen = g.Sum(a => a.AmountFen) })
            .ToListAsync(cancellationToken);
        var awards = everyAward.Where(a => a.Status != AwardStatus.ClawedBack).ToList();
        var clawedBack = everyAward.Where(a => a.Status == AwardStatus.ClawedBack).ToList();
        var timelines = await db.TimelinesAsync(catalog.Programs, cancellationToken);
        var today = ChinaTime.Today(clock);
        var years = ledger.Select(l => l.Year).Concat(awards.Select(a => a.Year)).Concat(clawedBack.Select(c => c.Year)).Append(year ?? today.Year).Distinct().Order().ToList();

        var programs = new List<ProgramYear>();
        foreach (var program in catalog.Programs)
        {
            foreach (var y in years)
            {
                long Balance(string account) => ledger.Where(l => l.ProgramId == program.Id && l.Year == y && l.Account == account).Sum(l => l.Fen);
                var allocated = -Balance(BudgetLedger.Appropriation);
                // Before the first award of a year the budget is set but not yet posted: show the figure in force.
                var onDate = y == today.Year ? today : new DateOnly(y, 12, 31);
                var budgetFen = allocated != 0 ? allocated : BudgetLedger.ToFen(timelines[program.Id].ValueOn(program.Budget, onDate) ?? 0m);
                var count = awards.Where(a => a.ProgramId == program.Id && a.Year == y).Sum(a => a.Count);
                var clawedFen = clawedBack.Where(c => c.ProgramId == program.Id && c.Year == y).Sum(c => c.Fen);
                if (budgetFen == 0 && count == 0 && clawedFen == 0)
                {
                    continue;
                }

                var committed = Balance(BudgetLedger.Committed);
                var paid = Balance(BudgetLedger.Paid);
                programs.Add(new ProgramYear(program.Id, program.Name.Zh, y, budgetFen / 100m, committed / 100m, paid / 100m, (budgetFen - committed - paid) / 100m, count, clawedFen / 100m));
            }
        }

        var cities = awards.GroupBy(a => new { a.ProgramId, a.Year, City = a.CitySlug ?? "" })
            .Select(g => new CityYear(g.Key.ProgramId, catalog.Pack.Find(g.Key.ProgramId)?.Name.Zh ?? g.Key.ProgramId, g.Key.Year, g.Key.City,
                g.Where(a => a.Status == AwardStatus.Committed).Sum(a => a.Fen) / 100m,
                g.Where(a => a.Status == AwardStatus.Paid).Sum(a => a.Fen) / 100m,
                g.Sum(a => a.Count)))
            .OrderBy(c => c.ProgramId).ThenBy(c => c.Year).ThenBy(c => c.City, StringComparer.Ordinal).ToList();
        return new Report(year, programs, cities);
    }

    /// <summary>
    /// The report as a workbook for a person: sheet names and header rows in <paramref name="culture"/>, the same
    /// labels as the report page (money columns say "yuan"), cities by name. Nothing imports it back.
    /// </summary>
    public static async Task<byte[]> Workbook(Report report, UiText text, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        string Label(string key) => text.Get(key, culture);
        string CityName(string slug) => GuangdongCities.Find(slug)?.Name.In(culture) ?? slug;
        var sheets = new Dictionary<string, object>
        {
            [Label("incentives.report.sheet.programs")] = report.Programs.Select(p => new Dictionary<string, object>
            {
                [Label("incentives.report.program-code")] = p.ProgramId, [Label("incentives.program")] = p.ProgramName, [Label("incentives.year")] = p.Year,
                [Label("incentives.budget")] = p.Budget, [Label("incentives.committed")] = p.Committed, [Label("incentives.paid")] = p.Paid,
                [Label("incentives.available")] = p.Available, [Label("incentives.awards")] = p.Awards, [Label("incentives.clawed-back")] = p.ClawedBack,
            }).ToList(),
            [Label("incentives.report.sheet.cities")] = report.Cities.Select(c => new Dictionary<string, object>
            {
                [Label("incentives.report.program-code")] = c.ProgramId, [Label("incentives.program")] = c.ProgramName, [Label("incentives.year")] = c.Year,
                [Label("incentives.city")] = CityName(c.City), [Label("incentives.committed")] = c.Committed, [Label("incentives.paid")] = c.Paid,
                [Label("incentives.awards")] = c.Awards,
            }).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
