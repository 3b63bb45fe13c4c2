using Funeng.Compute.Data;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>
/// A member of the requesting organisation cancels its request (the API and the request's page both come here):
/// the engine is told, the placement closed and, for a job not yet started, its vouchers given back.
/// </summary>
internal sealed class CancelRequest(ComputeDb db, IActor actor, RequestTransitions transitions)
{
    /// <summary>False when there is no such request of the actor's organisation; a request past cancelling is refused.</summary>
    public async Task<bool> ExecuteAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !actor.BelongsTo(request.OrganisationId))
        {
            return false;
        }

        await transitions.CancelAsync(request, cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
