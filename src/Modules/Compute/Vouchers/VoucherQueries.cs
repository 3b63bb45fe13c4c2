using Funeng.Compute.Data;
using Funeng.Compute.Planning;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

/// <summary>Device-hours, cost and voucher-paid amount of one enterprise at one centre in one month.</summary>
internal sealed record UsageRow(Guid OrganisationId, Guid CentreId, string CentreZh, string CentreEn, string Month, int Jobs, double DeviceHours, decimal Cost, decimal VoucherDeviceHours, decimal VoucherYuan);

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
    /// never-started cancelled job counts zero): office staff see every enterprise's, others their own. The month,
    /// the enterprise and the vouchers and centres named are chosen in the database, so a month's report of a long
    /// history reads that month.
    /// </summary>
    public async Task<IReadOnlyList<UsageRow>> UsageAsync(ChinaMonth? month, CancellationToken cancellationToken)
    {
        Guid? organisationId = actor.IsInRole(Roles.OfficeStaff) ? null : actor.OrganisationId ?? Guid.Empty;
        var placements = db.Placements.AsNoTracking().Where(p => p.DeviceHours > 0);
        if (month is { } within)
        {
            var (from, to) = (within.Start, within.End);
            placements = placements.Where(p => p.PlannedStart >= from && p.PlannedStart < to);
        }

        var used = placements.Join(db.Requests, p => p.RequestId, r => r.Id, (p, r) => new { p, r.OrganisationId })
            .Where(x => organisationId == null || x.OrganisationId == organisationId);
        var rows = await used.ToListAsync(cancellationToken);
        // The placements already read, by id, rather than the join again as a subquery.
        var placementIds = rows.Select(x => x.p.Id).ToList();
        var debits = (await db.VoucherDebits.AsNoTracking().Where(d => placementIds.Contains(d.PlacementId)).ToListAsync(cancellationToken)).ToLookup(d => d.PlacementId);
        var voucherIds = debits.SelectMany(d => d).Select(d => d.VoucherId).Distinct().ToList();
        var vouchers = await db.Vouchers.AsNoTracking().Where(v => voucherIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Unit, cancellationToken);
        var centreIds = rows.Select(x => x.p.CentreId).Distinct().ToList();
        var centres = await db.Centres.AsNoTracking().Where(c => centreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (Zh: c.NameZh, En: c.NameEn), cancellationToken);
        // Placements keep no foreign key to their centre: one taken out of the registry by hand keeps its rows, under its id.
        (string Zh, string En) NamesOf(Guid centre) => centres.TryGetValue(centre, out var names) ? names : (centre.ToString(), centre.ToString());
        return [.. rows
            .GroupBy(x => (x.OrganisationId, x.p.CentreId, Month: ChinaMonth.Of(x.p.PlannedStart)))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.OrganisationId)
            .Select(g =>
            {
                var (zh, en) = NamesOf(g.Key.CentreId);
                var paid = g.SelectMany(x => debits[x.p.Id]).ToLookup(d => vouchers.GetValueOrDefault(d.VoucherId), d => d.Amount);
                return new UsageRow(g.Key.OrganisationId, g.Key.CentreId, zh, en, g.Key.Month.ToString(), g.Count(), g.Sum(x => x.p.DeviceHours), g.Sum(x => x.p.Cost),
                    paid[VoucherUnit.DeviceHours].Sum(), paid[VoucherUnit.Yuan].Sum());
            })];
    }
}
