using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Policy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>One centre's load: devices busy now, and the share of its device-hours booked over the next day.</summary>
internal sealed record CentreUtilisation(Guid CentreId, string NameZh, string NameEn, bool Up, int Devices, int BusyNow, double BookedNext24h, int QueuedOrRunningJobs);

/// <summary>Reads of the registry for the pages and the API: centres, capacity, load, and the centres an operator keeps.</summary>
internal sealed class RegistryQueries(ComputeDb db, IPolicyQueries policy, IActor actor, TimeProvider time)
{
    /// <summary>Every centre, in the order registered, with its pools by name and its latencies, nearest first.</summary>
    public async Task<IReadOnlyList<CentreView>> CentresAsync(CancellationToken cancellationToken)
    {
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var latencies = (await db.Latencies.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(l => l.CentreId);
        return [.. centres.Select(c => new CentreView(c.Id, c.NameZh, c.NameEn, c.OperatorOrganisationId, c.CitySlug, GuangdongRegions.Of(c.CitySlug), c.Tier, c.Up, c.IsDemo,
            c.Pools.Sum(Capacity.Eflops), [.. c.Pools.OrderBy(p => p.Name, StringComparer.Ordinal).Select(PoolView.Of)],
            latencies[c.Id].OrderBy(l => l.Milliseconds).ToDictionary(l => l.CitySlug, l => l.Milliseconds, StringComparer.Ordinal)))];
    }

    /// <summary>Installed capacity of the province and of each city with a centre, against the pack's compute_capacity targets.</summary>
    public async Task<IReadOnlyList<ScopeCapacity>> CapacityAsync(CancellationToken cancellationToken)
    {
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).ToListAsync(cancellationToken);
        var targets = await policy.ListTargetsAsync(new TargetFilter(Indicator: Capacity.Indicator), cancellationToken);
        return Capacity.ByScope(centres, targets);
    }

    /// <summary>Each centre's load now and over the next 24 hours, from the active placements.</summary>
    public async Task<IReadOnlyList<CentreUtilisation>> UtilisationAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var active = await db.Placements.AsNoTracking().Where(p => p.Active)
            .Join(db.Requests, p => p.RequestId, r => r.Id, (p, r) => new { p.CentreId, p.PlannedStart, p.PlannedEnd, r.Devices }).ToListAsync(cancellationToken);
        var byCentre = active.ToLookup(a => a.CentreId);
        var horizon = now.AddHours(24);
        return [.. centres.Select(c =>
        {
            var mine = byCentre[c.Id].ToList();
            var devices = c.Pools.Sum(p => p.Devices);
            var booked = mine.Sum(a => Math.Max(0, (Min(a.PlannedEnd, horizon) - Max(a.PlannedStart, now)).TotalHours) * a.Devices);
            return new CentreUtilisation(c.Id, c.NameZh, c.NameEn, c.Up, devices,
                mine.Where(a => a.PlannedStart <= now && now < a.PlannedEnd).Sum(a => a.Devices),
                devices == 0 ? 0 : booked / (devices * 24d), mine.Count);
        })];
    }

    /// <summary>The registered centres as the scheduler plans over them.</summary>
    public Task<IReadOnlyList<CentreSpec>> ClusterAsync(CancellationToken cancellationToken) => ClusterSnapshot.LoadAsync(db, cancellationToken);

    /// <summary>The centres the actor keeps, with their pools, by name: every centre for office staff, else their organisation's.</summary>
    public async Task<IReadOnlyList<OperatedCentre>> OperatedCentresAsync(CancellationToken cancellationToken)
    {
        var query = db.Centres.AsNoTracking().Include(c => c.Pools).AsQueryable();
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            var organisation = actor.OrganisationId ?? Guid.Empty;
            query = query.Where(c => c.OperatorOrganisationId == organisation);
        }

        return [.. (await query.OrderBy(c => c.NameZh).ToListAsync(cancellationToken))
            .Select(c => new OperatedCentre(c.Id, LocalizedText.Of(c.NameZh, c.NameEn), c.Up, [.. c.Pools.Select(PoolView.Of)]))];
    }

    /// <summary>
    /// The engines a centre's pools run on, by name, for those who may operate it (else none, with
    /// <c>MayOperate</c> false); null when there is no such centre.
    /// </summary>
    public async Task<(bool MayOperate, IReadOnlyList<string> Engines)?> EnginesAsync(Guid id, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (centre is null)
        {
            return null;
        }

        if (!CentreOperators.MayOperate(actor, centre))
        {
            return (false, []);
        }

        var engines = await db.Pools.AsNoTracking().Where(p => p.CentreId == id).Select(p => p.Engine).Distinct().ToListAsync(cancellationToken);
        return (true, [.. engines.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every accelerator some pool offers, in order.</summary>
    public async Task<IReadOnlyList<string>> AcceleratorsAsync(CancellationToken cancellationToken) =>
        await db.Pools.Select(p => p.Accelerator).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
