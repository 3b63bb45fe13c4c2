using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>Reads of requests as the actor may see them (pages and API), and the office's placement policy.</summary>
internal sealed class RequestQueries(ComputeDb db, IActor actor)
{
    /// <summary>The requests of the actor's organisation, newest first (none without an organisation).</summary>
    public Task<IReadOnlyList<RequestView>> MineAsync(CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? Guid.Empty;
        return RequestView.LoadManyAsync(db, db.Requests.Where(r => r.OrganisationId == organisation), cancellationToken);
    }

    /// <summary>A request with the organisation it belongs to, for that organisation and office staff; null for anyone else or when there is none.</summary>
    public async Task<(RequestView View, Guid OrganisationId)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var owner = await db.Requests.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        if (owner is not { } organisation || !(actor.BelongsTo(organisation) || actor.IsInRole(Roles.OfficeStaff)))
        {
            return null;
        }

        return await RequestView.LoadAsync(db, id, cancellationToken) is { } view ? (view, organisation) : null;
    }

    public Task<PlacementPolicy> PolicyAsync(CancellationToken cancellationToken) => ComputeSettings.PolicyAsync(db, cancellationToken);
}
