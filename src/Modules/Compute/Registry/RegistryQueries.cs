using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Policy.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>Reads of the registry for the pages: centres, capacity, load, and the centres an operator keeps.</summary>
internal sealed class RegistryQueries(ComputeDb db, IPolicyQueries policy, IActor actor, TimeProvider time)
{
    public Task<IReadOnlyList<CentreView>> CentresAsync(CancellationToken cancellationToken) => CentreView.LoadAsync(db, cancellationToken);

    public Task<IReadOnlyList<ScopeCapacity>> CapacityAsync(CancellationToken cancellationToken) => Capacity.ByScopeAsync(db, policy, cancellationToken);

    public Task<IReadOnlyList<CentreUtilisation>> UtilisationAsync(CancellationToken cancellationToken) => Utilisation.BuildAsync(db, time.GetUtcNow(), cancellationToken);

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

    /// <summary>Every accelerator some pool offers, in order.</summary>
    public async Task<IReadOnlyList<string>> AcceleratorsAsync(CancellationToken cancellationToken) =>
        await db.Pools.Select(p => p.Accelerator).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
}
