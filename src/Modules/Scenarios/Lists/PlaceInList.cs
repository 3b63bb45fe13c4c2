using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Lists;

/// <summary>Places a published scenario in a list; <c>POST /api/v1/scenario-lists/{id}/entries</c>, or as part of publishing.</summary>
internal sealed class PlaceInList(ScenariosDb db, IAuditLog audit, ScenarioAccess access, TimeProvider clock)
{
    internal sealed record Request(Guid ScenarioId);

    /// <summary>Runs inside the caller's open transaction, so the placement and its audit entry commit with it.</summary>
    public async Task PlaceAsync(Guid listId, ScenarioPost post, CancellationToken cancellationToken)
    {
        var list = await db.Lists.Include(l => l.Quotas).FirstOrDefaultAsync(l => l.Id == listId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-list", listId), "listId", 404);
        await access.DemandReviewerAsync(list.Scope, cancellationToken);
        if (!ScenarioLifecycle.IsPublic(post.Status))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-published-scenario-placed-list"), "scenarioId");
        }

        if (ListRules.Misfit(list, post) is { } misfit)
        {
            throw new DomainRuleException(misfit, "listId", 422);
        }

        if (await db.ListEntries.AnyAsync(e => e.ListId == listId && e.ScenarioId == post.Id, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.scenario-already-list"), "scenarioId");
        }

        db.ListEntries.Add(new ListEntry { ListId = listId, ScenarioId = post.Id, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.list.scenario-placed", "scenario-list", listId.ToString(), ProblemMessage.Of("scenarios.audit.scenario-placed", post.Title, post.Id.ToString())), db, cancellationToken);
    }

    /// <summary>Places the scenario <paramref name="scenarioId"/> in the list, the entry and its audit entry in one transaction of its own.</summary>
    public async Task PlaceAsync(Guid listId, Guid scenarioId, CancellationToken cancellationToken)
    {
        var post = await db.Scenarios.FindAsync([scenarioId], cancellationToken) ?? throw EditScenario.NotFound(scenarioId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await PlaceAsync(listId, post, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<Ok<ScenarioListView>> HandleAsync(Guid id, Request request, PlaceInList place, GetScenarioLists get, CancellationToken cancellationToken)
    {
        await place.PlaceAsync(id, request.ScenarioId, cancellationToken);
        return TypedResults.Ok((await get.FindAsync(id, cancellationToken))!);
    }
}
