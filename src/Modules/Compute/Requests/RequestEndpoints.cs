using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

internal sealed record PolicyInput(string Policy);

internal sealed record RoundResult(int Placed, int StatesChanged);

/// <summary><c>/api/v1/compute/requests</c>, <c>/policy</c> and <c>/rounds</c>: reads, and the use cases that change requests and placement.</summary>
internal static class RequestEndpoints
{
    public static async Task<Ok<IReadOnlyList<RequestView>>> MineAsync(ComputeDb db, IActor actor, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RequestView.LoadManyAsync(db, db.Requests.Where(r => r.OrganisationId == actor.OrganisationId), cancellationToken));

    public static async Task<Results<Ok<RequestView>, NotFound>> GetAsync(Guid id, ComputeDb db, IActor actor, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !(actor.BelongsTo(request.OrganisationId) || actor.IsInRole(Roles.OfficeStaff)))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await RequestView.LoadAsync(db, id, cancellationToken))!);
    }

    public static async Task<Results<Ok<RequestView>, NotFound>> CancelAsync(Guid id, CancelRequest cancel, ComputeDb db, CancellationToken cancellationToken) =>
        await cancel.ExecuteAsync(id, cancellationToken)
            ? TypedResults.Ok((await RequestView.LoadAsync(db, id, cancellationToken))!)
            : TypedResults.NotFound();

    public static async Task<Ok<PolicyInput>> GetPolicyAsync(ComputeDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PolicyInput(PolicyNames.Of(await ComputeSettings.PolicyAsync(db, cancellationToken))));

    public static async Task<Ok<PolicyInput>> SetPolicyAsync(PolicyInput input, SetPlacementPolicy setPolicy, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PolicyInput(PolicyNames.Of(await setPolicy.ExecuteAsync(input.Policy, cancellationToken))));

    public static async Task<Ok<RoundResult>> RunRoundAsync(PlaceRequests placer, RequestTransitions transitions, CancellationToken cancellationToken)
    {
        var changed = await transitions.SyncAsync(cancellationToken);
        var placed = await placer.RunAsync(cancellationToken);
        return TypedResults.Ok(new RoundResult(placed, changed));
    }

    public static async Task<Results<Ok<CentreStatusResult>, NotFound>> SetCentreStatusAsync(Guid id, CentreStatusInput input, ChangeCentreStatus change, CancellationToken cancellationToken) =>
        await change.ExecuteAsync(id, input.Up, cancellationToken) is { } result ? TypedResults.Ok(result) : TypedResults.NotFound();
}
