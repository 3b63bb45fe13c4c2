using Funeng.Compute.Scheduling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Compute.Requests;

internal sealed record PolicyInput(string Policy);

internal sealed record RoundResult(int Placed, int StatesChanged);

/// <summary><c>/api/v1/compute/requests</c>, <c>/policy</c> and <c>/rounds</c>: reads, and the use cases that change requests and placement.</summary>
internal static class RequestEndpoints
{
    public static async Task<Created<RequestView>> SubmitAsync(SubmitRequestInput input, SubmitRequest submit, RequestQueries queries, CancellationToken cancellationToken)
    {
        var id = await submit.ExecuteAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/compute/requests/{id}", (await queries.FindAsync(id, cancellationToken))?.View);
    }

    public static async Task<Ok<IReadOnlyList<RequestView>>> MineAsync(RequestQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.MineAsync(cancellationToken));

    public static async Task<Results<Ok<RequestView>, NotFound>> GetAsync(Guid id, RequestQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found.View) : TypedResults.NotFound();

    public static async Task<Results<Ok<RequestView>, NotFound>> CancelAsync(Guid id, CancelRequest cancel, RequestQueries queries, CancellationToken cancellationToken) =>
        await cancel.ExecuteAsync(id, cancellationToken) && await queries.FindAsync(id, cancellationToken) is { } cancelled
            ? TypedResults.Ok(cancelled.View)
            : TypedResults.NotFound();

    public static async Task<Ok<PolicyInput>> GetPolicyAsync(RequestQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PolicyInput(PolicyNames.Of(await queries.PolicyAsync(cancellationToken))));

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
