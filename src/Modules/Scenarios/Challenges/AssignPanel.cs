using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

internal sealed record AssignPanelRequest(IReadOnlyList<string>? ExpertUserIds);

/// <summary>Office staff assign a challenge's review panel from the expert roster (<c>PUT /api/v1/challenges/{id}/panel</c>).</summary>
internal sealed class AssignPanel(ScenariosDb db, IAuditLog audit, IActor actor, TimeProvider clock)
{
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
        await audit.AppendAsync(new AuditEvent("scenarios.challenge.panel-assigned", "challenge", challengeId.ToString(), ProblemMessage.Of("scenarios.audit.panel-assigned", wanted.Count, string.Join(", ", wanted))), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<Ok<OfficeChallengeView>> HandleAssignAsync(Guid id, AssignPanelRequest request, AssignPanel panel, GetChallenges get, CancellationToken cancellationToken)
    {
        await panel.AssignAsync(id, request?.ExpertUserIds ?? [], cancellationToken);
        return TypedResults.Ok(await get.OfficeAsync(id, cancellationToken));
    }
}
