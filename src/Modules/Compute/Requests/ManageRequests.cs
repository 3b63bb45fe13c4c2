using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

internal sealed record PolicyInput(string Policy);

internal sealed record RoundResult(int Placed, int StatesChanged);

/// <summary>Reading and cancelling requests; the office's policy, placement round and engine sync.</summary>
internal static class ManageRequests
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

    public static async Task<Results<Ok<RequestView>, NotFound>> CancelAsync(Guid id, ComputeDb db, IActor actor, RequestTransitions transitions, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !actor.BelongsTo(request.OrganisationId))
        {
            return TypedResults.NotFound();
        }

        await transitions.CancelAsync(request, cancellationToken);
        db.ChangeTracker.Clear();
        return TypedResults.Ok((await RequestView.LoadAsync(db, id, cancellationToken))!);
    }

    public static async Task<Ok<PolicyInput>> GetPolicyAsync(ComputeDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PolicyInput(PolicyNames.Of(await ComputeSettings.PolicyAsync(db, cancellationToken))));

    public static async Task<Results<Ok<PolicyInput>, ValidationProblem>> SetPolicyAsync(PolicyInput input, ComputeDb db, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (!PolicyNames.TryParse(input.Policy ?? "", out var policy))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["policy"] = [$"Choose one of: {string.Join(", ", PolicyNames.All.Select(PolicyNames.Of))}."] });
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == ComputeSettings.PolicyKey, cancellationToken);
        if (setting is null)
        {
            db.Settings.Add(new SettingRecord { Key = ComputeSettings.PolicyKey, Value = PolicyNames.Of(policy) });
        }
        else
        {
            setting.Value = PolicyNames.Of(policy);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.policy.set", "compute_setting", ComputeSettings.PolicyKey, PolicyNames.Of(policy)), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return TypedResults.Ok(new PolicyInput(PolicyNames.Of(policy)));
    }

    public static async Task<Ok<RoundResult>> RunRoundAsync(PlaceRequests placer, RequestTransitions transitions, CancellationToken cancellationToken)
    {
        var changed = await transitions.SyncAsync(cancellationToken);
        var placed = await placer.RunAsync(cancellationToken);
        return TypedResults.Ok(new RoundResult(placed, changed));
    }
}
