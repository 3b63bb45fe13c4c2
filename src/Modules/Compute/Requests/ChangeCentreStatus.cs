using Funeng.Compute.Data;
using Funeng.Compute.Registry;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

internal sealed record CentreStatusInput(bool Up);

/// <summary>The outcome of taking a centre down or up: how many jobs went back to the queue, and how many were placed.</summary>
internal sealed record CentreStatusResult(bool Up, int JobsReturnedToQueue, int JobsPlaced);

/// <summary>
/// The centre's operator (or office staff) takes a centre down or brings it up. It lives with requests because
/// that is what it changes: the jobs placed there go back to the queue, and a placement round follows at once.
/// </summary>
internal sealed class ChangeCentreStatus(ComputeDb db, IActor actor, RequestTransitions transitions, PlaceRequests placer)
{
    /// <summary>Null when there is no such centre.</summary>
    public async Task<CentreStatusResult?> ExecuteAsync(Guid centreId, bool up, CancellationToken cancellationToken)
    {
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Id == centreId, cancellationToken);
        if (centre is null)
        {
            return null;
        }

        CentreOperators.EnsureMayOperate(actor, centre);
        var moved = await transitions.SetCentreUpAsync(centre, up, cancellationToken);
        var placed = await placer.RunAsync(cancellationToken);
        return new CentreStatusResult(centre.Up, moved, placed);
    }
}
