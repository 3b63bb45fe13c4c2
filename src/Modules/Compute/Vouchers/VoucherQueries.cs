using Funeng.Compute.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

/// <summary>Device-hours, cost and voucher-paid amount of one enterprise at one centre in one month.</summary>
internal sealed record UsageRow(Guid OrganisationId, Guid CentreId, string Centre, string Month, int Jobs, double DeviceHours, decimal Cost, decimal VoucherDeviceHours, decimal VoucherYuan);

/// <summary>Reads of vouchers and usage as the actor may see them (pages and API).</summary>
internal sealed class VoucherQueries(ComputeDb db, IActor actor, TimeProvider time)
{
    /// <summary>The vouchers of the actor's organisation (none without an organisation).</summary>
    public Task<IReadOnlyList<VoucherView>> MineAsync(CancellationToken cancellationToken) => HeldByAsync(actor.OrganisationId ?? Guid.Empty, cancellationToken);

    /// <summary>An organisation's vouchers with what remains of each; the caller has checked the actor may see them.</summary>
    public async Task<IReadOnlyList<VoucherView>> HeldByAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var balances = (await VoucherDebits.BalancesAsync(db, organisationId, ChinaTime.Today(time), cancellationToken)).ToDictionary(b => b.Id);
        var vouchers = await db.Vouchers.AsNoTracking().Where(v => v.OrganisationId == organisationId).OrderBy(v => v.GrantedAt).ToListAsync(cancellationToken);
        return [.. vouchers.Select(v => new VoucherView(v.Id, v.OrganisationId, v.Unit, v.Amount, balances[v.Id].Remaining, StoredMessages.ReadNote(v.Note), v.GrantedAt, v.ExpiresOn))];
    }

    /// <summary>
    /// Usage and cost per enterprise, centre and month (of the planned start, in China Standard Time) in
    /// <paramref name="month"/> (every month when null), over placements that ran or will run (a re-placed or
    /// never-started cancelled job counts zero): office staff see every enterprise's, others their own.
    /// </summary>
    public async Task<IReadOnlyList<UsageRow>> UsageAsync(string? month, CancellationToken cancellationToken)
    {
        Guid? organisationId = actor.IsInRole(Roles.OfficeStaff) ? null : actor.OrganisationId ?? Guid.Empty;
        var rows = await db.Placements.AsNoTracking().Join(db.Requests, p => p.RequestId, r => r.Id, (p, r) => new { p, r.OrganisationId })
            .Where(x => organisationId == null || x.OrganisationId == organisationId).ToListAsync(cancellationToken);
        // One enterprise's report reads only the debits of its own requests, not every enterprise's.
        var debits = (await db.VoucherDebits.AsNoTracking()
            .Where(d => organisationId == null || db.Requests.Any(r => r.Id == d.RequestId && r.OrganisationId == organisationId))
            .ToListAsync(cancellationToken)).ToLookup(d => d.PlacementId);
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
