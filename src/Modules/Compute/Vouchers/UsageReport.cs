using Funeng.Compute.Data;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

/// <summary>Device-hours, cost and voucher-paid amount of one enterprise at one centre in one month.</summary>
internal sealed record UsageRow(Guid OrganisationId, Guid CentreId, string Centre, string Month, int Jobs, double DeviceHours, decimal Cost, decimal VoucherDeviceHours, decimal VoucherYuan);

/// <summary>
/// Usage and cost per enterprise, centre and month (of the planned start, in China Standard Time), over placements that ran or will run
/// (a re-placed or never-started cancelled job counts zero). Office staff see all; an enterprise its own.
/// </summary>
internal static class UsageReport
{
    public static async Task<Ok<IReadOnlyList<UsageRow>>> HandleAsync(VoucherQueries queries, string? month, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.UsageAsync(month, cancellationToken));

    public static async Task<IReadOnlyList<UsageRow>> BuildAsync(ComputeDb db, Guid? organisationId, string? month, CancellationToken cancellationToken)
    {
        var rows = await db.Placements.AsNoTracking().Join(db.Requests, p => p.RequestId, r => r.Id, (p, r) => new { p, r.OrganisationId })
            .Where(x => organisationId == null || x.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var debits = (await db.VoucherDebits.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(d => d.PlacementId);
        var vouchers = await db.Vouchers.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Unit, cancellationToken);
        var centres = await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.NameEn, cancellationToken);
        return [.. rows.Where(x => x.p.DeviceHours > 0)
            .GroupBy(x => (x.OrganisationId, x.p.CentreId, Month: ChinaTime.ToChina(x.p.PlannedStart).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)))
            .Where(g => month is null || g.Key.Month == month)
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.OrganisationId)
            .Select(g => new UsageRow(g.Key.OrganisationId, g.Key.CentreId, centres.GetValueOrDefault(g.Key.CentreId, "?"), g.Key.Month, g.Count(),
                g.Sum(x => x.p.DeviceHours), g.Sum(x => x.p.Cost),
                g.SelectMany(x => debits[x.p.Id]).Where(d => vouchers.GetValueOrDefault(d.VoucherId) == VoucherUnit.DeviceHours).Sum(d => d.Amount),
                g.SelectMany(x => debits[x.p.Id]).Where(d => vouchers.GetValueOrDefault(d.VoucherId) == VoucherUnit.Yuan).Sum(d => d.Amount)))];
    }
}
