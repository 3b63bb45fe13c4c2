using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

internal sealed record DeclareConflictRequest(Guid? OrganisationId, Guid? EntryId, string? Reason);

/// <summary>A panel expert declares a conflict of interest with an organisation or an entry (<c>POST /api/v1/challenges/{id}/conflicts</c>).</summary>
internal sealed class DeclareConflict(ScenariosDb db, IAuditLog audit, IActor actor, TimeProvider clock)
{
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
            ProblemMessage.Of("scenarios.audit.conflict-declared", member.ExpertUserId, request.OrganisationId?.ToString() ?? "—", request.EntryId?.ToString() ?? "—", request.Reason)), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<NoContent> HandleConflictAsync(Guid id, DeclareConflictRequest request, DeclareConflict declare, CancellationToken cancellationToken)
    {
        await declare.DeclareConflictAsync(id, request, cancellationToken);
        return TypedResults.NoContent();
    }
}
