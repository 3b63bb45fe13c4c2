using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

internal sealed record JoinRosterRequest(string? Fields);

internal sealed record AssignPanelRequest(IReadOnlyList<string>? ExpertUserIds);

internal sealed record DeclareConflictRequest(Guid? OrganisationId, Guid? EntryId, string? Reason);

internal sealed record RosterView(string UserId, string DisplayName, Guid OrganisationId, string Fields);

/// <summary>
/// The expert roster (<c>PUT /api/v1/challenges/experts/me</c>), panel assignment by office staff
/// (<c>PUT /api/v1/challenges/{id}/panel</c>) and conflict declarations (<c>POST /api/v1/challenges/{id}/conflicts</c>).
/// </summary>
internal sealed class ManagePanel(ScenariosDb db, IAuditLog audit, IActor actor, TimeProvider clock)
{
    public async Task JoinRosterAsync(string? fields, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.Expert) || actor.OrganisationId is not { } organisation)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-experts-organisation-join-reviewer"), null, 403);
        }

        var existing = await db.Roster.FindAsync([actor.UserId!], cancellationToken);
        if (existing is null)
        {
            db.Roster.Add(new RosterExpert { UserId = actor.UserId!, DisplayName = actor.Name, OrganisationId = organisation, Fields = fields?.Trim() ?? "", JoinedAt = clock.GetUtcNow() });
        }
        else
        {
            existing.Fields = fields?.Trim() ?? "";
            existing.OrganisationId = organisation;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RosterView>> RosterAsync(CancellationToken cancellationToken) =>
        await db.Roster.AsNoTracking().OrderBy(r => r.DisplayName).Select(r => new RosterView(r.UserId, r.DisplayName, r.OrganisationId, r.Fields)).ToListAsync(cancellationToken);

    public async Task AssignAsync(Guid challengeId, IReadOnlyList<string> expertUserIds, CancellationToken cancellationToken)
    {
        if (!actor.IsInRole(Roles.OfficeStaff))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-office-staff-assign-panel"), null, 403);
        }

        var challenge = await db.Challenges.FindAsync([challengeId], cancellationToken) ?? throw ChallengeSnapshot.NotFound(challengeId);
        ChallengeSteps.AssignPanel(ChallengeState.Of(challenge, [])).ThrowIfRefused();

        var wanted = expertUserIds.Distinct().ToList();
        var roster = await db.Roster.Where(r => wanted.Contains(r.UserId)).ToListAsync(cancellationToken);
        if (wanted.Count == 0 || roster.Count != wanted.Count)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.not-on-roster", string.Join(", ", wanted.Except(roster.Select(r => r.UserId)))), "expertUserIds", 422);
        }

        var current = await db.Panel.Where(p => p.ChallengeId == challengeId).ToListAsync(cancellationToken);
        db.Panel.RemoveRange(current.Where(p => !wanted.Contains(p.ExpertUserId)));
        var now = clock.GetUtcNow();
        db.Panel.AddRange(roster.Where(r => current.All(p => p.ExpertUserId != r.UserId))
            .Select(r => new PanelMember { ChallengeId = challengeId, ExpertUserId = r.UserId, ExpertOrganisationId = r.OrganisationId, AssignedAt = now }));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.challenge.panel-assigned", "challenge", challengeId.ToString(), JsonSerializer.Serialize(new { experts = wanted })), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DeclareConflictAsync(Guid challengeId, DeclareConflictRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var member = await db.Panel.FirstOrDefaultAsync(p => p.ChallengeId == challengeId && p.ExpertUserId == actor.UserId, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-members-challenge-s-panel"), null, 403);
        if ((request.OrganisationId is null) == (request.EntryId is null))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.declare-conflict-either-organisation-entry"), "organisationId", 422);
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1000)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.give-reason-conflict-most-characters"), "reason", 422);
        }

        if (request.EntryId is { } entryId && !await db.Entries.AnyAsync(e => e.Id == entryId && e.ChallengeId == challengeId, cancellationToken))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.no-entry", entryId), "entryId", 422);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Conflicts.Add(new ConflictDeclaration
        {
            Id = Guid.NewGuid(),
            ChallengeId = challengeId,
            ExpertUserId = member.ExpertUserId,
            OrganisationId = request.OrganisationId,
            EntryId = request.EntryId,
            Reason = request.Reason.Trim(),
            DeclaredAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("scenarios.challenge.conflict-declared", "challenge", challengeId.ToString(),
            JsonSerializer.Serialize(new { expert = member.ExpertUserId, request.OrganisationId, request.EntryId, request.Reason })), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<NoContent> HandleJoinAsync(JoinRosterRequest request, ManagePanel panel, CancellationToken cancellationToken)
    {
        await panel.JoinRosterAsync(request?.Fields, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<RosterView>>> HandleRosterAsync(ManagePanel panel, CancellationToken cancellationToken) =>
        TypedResults.Ok(await panel.RosterAsync(cancellationToken));

    public static async Task<Ok<OfficeChallengeView>> HandleAssignAsync(Guid id, AssignPanelRequest request, ManagePanel panel, GetChallenges get, CancellationToken cancellationToken)
    {
        await panel.AssignAsync(id, request?.ExpertUserIds ?? [], cancellationToken);
        return TypedResults.Ok(await get.OfficeAsync(id, cancellationToken));
    }

    public static async Task<NoContent> HandleConflictAsync(Guid id, DeclareConflictRequest request, ManagePanel panel, CancellationToken cancellationToken)
    {
        await panel.DeclareConflictAsync(id, request, cancellationToken);
        return TypedResults.NoContent();
    }
}
