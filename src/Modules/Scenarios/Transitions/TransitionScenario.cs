using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Lists;
using Funeng.Scenarios.Notifications;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Scenarios.Transitions;

/// <summary>A move of the lifecycle; <c>Reason</c> is required to return, <c>ListId</c> optionally places a published scenario in a list.</summary>
internal sealed record TransitionRequest(ScenarioAction Action, string? Reason = null, Guid? ListId = null);

/// <summary>
/// <c>POST /api/v1/scenarios/{id}/transitions</c>: one move, audited in the same transaction. It applies Posts' lifecycle,
/// places in a list (Lists) and tells followers, so it sits above all three rather than inside Posts.
/// </summary>
internal sealed class TransitionScenario(ScenariosDb db, IAuditLog audit, ScenarioAccess access, PlaceInList placement, NotifyFollowers followers, TimeProvider clock)
{
    public async Task<ScenarioStatus> ExecuteAsync(Guid id, TransitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var post = await db.Scenarios.FindAsync([id], cancellationToken) ?? throw EditScenario.NotFound(id);
        var actors = await access.ActorsAsync(post, cancellationToken);
        if (actors.Count == 0 && !await access.CanSeeAsync(post, cancellationToken))
        {
            throw EditScenario.NotFound(id);
        }

        var decision = ScenarioLifecycle.Decide(post.Status, request.Action, actors);
        if (!decision.Allowed)
        {
            throw new DomainRuleException(decision.Refusal!, "action", decision.Status);
        }

        if (request.Action == ScenarioAction.Return && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.give-reasons-returning-scenario"), "reason", 422);
        }

        if (request.ListId is not null && request.Action != ScenarioAction.Publish)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.list-chosen-only-when-publishing"), "listId", 422);
        }

        var from = post.Status;
        var now = clock.GetUtcNow();
        post.Status = decision.To!.Value;
        post.UpdatedAt = now;
        post.ReturnReason = request.Action == ScenarioAction.Return ? request.Reason!.Trim() : post.ReturnReason;
        if (request.Action == ScenarioAction.Publish)
        {
            post.PublishedAt = now;
            post.ReturnReason = null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent(
            $"scenarios.scenario.{ScenarioLifecycle.Word(request.Action)}", "scenario", post.Id.ToString(),
            ProblemMessage.Of("scenarios.audit.transition", post.Title, ScenarioLifecycle.Label(from), ScenarioLifecycle.Label(post.Status), request.Reason ?? "")), db, cancellationToken);
        if (request.ListId is { } listId)
        {
            await placement.PlaceAsync(listId, post, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var title = ProblemMessage.Of("scenarios.notify.scenario.status", post.Title, ProblemMessage.Of("scenarios.status." + ScenarioLifecycle.Word(post.Status)));
        await followers.NotifyAsync(Follow.ScenarioType, post.Id, title, $"/scenarios/{post.Id}", [post.OwnerOrganisationId], cancellationToken);
        return post.Status;
    }

    public static async Task<Ok<ScenarioView>> HandleAsync(Guid id, TransitionRequest request, TransitionScenario transition, GetScenarios get, CancellationToken cancellationToken)
    {
        await transition.ExecuteAsync(id, request, cancellationToken);
        return TypedResults.Ok((await get.FindAsync(id, cancellationToken))!);
    }
}
