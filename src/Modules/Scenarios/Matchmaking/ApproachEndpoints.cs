using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Scenarios.Matchmaking;

internal sealed record InviteRequest(Guid OrganisationId);

/// <summary>
/// <c>POST /api/v1/scenarios/{id}/interest</c> and <c>/invitations</c> send an approach; <c>GET /{id}/approaches</c>
/// and <c>GET /approaches</c> list them; <c>POST /approaches/{approachId}/accept|decline|withdraw</c> answers one.
/// </summary>
internal static class ApproachEndpoints
{
    public static async Task<Created<ApproachView>> HandleInterestAsync(Guid id, ApproachCommands approaches, CancellationToken cancellationToken)
    {
        var view = await approaches.ExpressInterestAsync(id, cancellationToken);
        return TypedResults.Created($"/api/v1/scenarios/approaches/{view.Id}", view);
    }

    public static async Task<Created<ApproachView>> HandleInviteAsync(Guid id, InviteRequest request, ApproachCommands approaches, CancellationToken cancellationToken)
    {
        var view = await approaches.InviteAsync(id, request.OrganisationId, cancellationToken);
        return TypedResults.Created($"/api/v1/scenarios/approaches/{view.Id}", view);
    }

    public static async Task<Ok<IReadOnlyList<ApproachView>>> HandleForScenarioAsync(Guid id, ApproachCommands approaches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await approaches.ForScenarioAsync(id, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ApproachView>>> HandleMineAsync(ApproachCommands approaches, CancellationToken cancellationToken) =>
        TypedResults.Ok(await approaches.MineAsync(cancellationToken));

    public static async Task<Results<Ok<ApproachView>, NotFound>> HandleDecideAsync(Guid approachId, string decision, ApproachCommands approaches, CancellationToken cancellationToken) =>
        Enum.TryParse<ApproachDecision>(decision, true, out var parsed) && !int.TryParse(decision, out _)
            ? TypedResults.Ok(await approaches.DecideAsync(approachId, parsed, cancellationToken))
            : TypedResults.NotFound();
}
