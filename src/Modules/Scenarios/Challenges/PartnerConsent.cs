using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

/// <summary>A request to join a team, as the named organisation sees it.</summary>
internal sealed record PartnerRequestView(Guid Id, Guid ChallengeId, string ChallengeTitle, Guid EntryId, string EntryTitle, string LeadName,
    PartnerRequestStatus Status, DateTimeOffset RequestedAt);

/// <summary>
/// Consent of named partners: <c>GET /api/v1/challenges/partner-requests</c> lists the requests naming the user's
/// organisation; <c>POST /api/v1/challenges/{id}/partner-requests/{requestId}/{accept|decline}</c> answers one.
/// Accepting adds the organisation to the team unless it is already on a team of the challenge (its own entry or
/// another it accepted); the unique index (challenge, organisation) decides concurrent answers and submissions.
/// </summary>
internal sealed class PartnerConsent(ScenariosDb db, IAuditLog audit, IOrganisationDirectory organisations, IActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<PartnerRequestView>> MineAsync(Guid? challengeId, CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? Guid.Empty;
        var query = db.PartnerRequests.AsNoTracking().Where(r => r.OrganisationId == organisation);
        if (challengeId is { } id)
        {
            query = query.Where(r => r.ChallengeId == id);
        }

        var requests = await query.ToListAsync(cancellationToken);
        var challengeIds = requests.Select(r => r.ChallengeId).Distinct().ToList();
        var entryIds = requests.Select(r => r.EntryId).ToList();
        var titles = await db.Challenges.AsNoTracking().Where(c => challengeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        var entries = await db.Entries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        var views = new List<PartnerRequestView>(requests.Count);
        foreach (var r in requests.OrderByDescending(r => r.RequestedAt))
        {
            var lead = await organisations.FindAsync(r.LeadOrganisationId, cancellationToken);
            views.Add(new PartnerRequestView(r.Id, r.ChallengeId, titles.GetValueOrDefault(r.ChallengeId, ""), r.EntryId, entries.GetValueOrDefault(r.EntryId, ""),
                lead is null ? r.LeadOrganisationId.ToString() : $"{lead.NameZh} / {lead.NameEn}", r.Status, r.RequestedAt));
        }

        return views;
    }

    public async Task AnswerAsync(Guid challengeId, Guid requestId, bool accept, CancellationToken cancellationToken)
    {
        var request = await db.PartnerRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.ChallengeId == challengeId, cancellationToken);
        if (request is null || !actor.BelongsTo(request.OrganisationId))
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.there-such-partner-request-your"), "requestId", 404);
        }

        if (request.Status != PartnerRequestStatus.Pending)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.partner-request-answered", ProblemMessage.Of("scenarios.partner.status." + request.Status.ToString().ToLowerInvariant())), "requestId");
        }

        var now = clock.GetUtcNow();
        if (accept)
        {
            var challenge = await db.Challenges.FindAsync([challengeId], cancellationToken) ?? throw ChallengeSnapshot.NotFound(challengeId);
            // A partner joins a team on the same terms an entry is taken: the challenge's one rule for it.
            ChallengeSteps.Enter(ChallengeState.Of(challenge, []), now).ThrowIfRefused();

            if (await db.EntryMembers.AnyAsync(m => m.ChallengeId == challengeId && m.OrganisationId == request.OrganisationId, cancellationToken))
            {
                throw SubmitEntry.AlreadyOnATeam();
            }

            db.EntryMembers.Add(new EntryMember { EntryId = request.EntryId, ChallengeId = challengeId, OrganisationId = request.OrganisationId });
        }

        request.Status = accept ? PartnerRequestStatus.Accepted : PartnerRequestStatus.Declined;
        request.AnsweredAt = now;
        request.AnsweredByUserId = actor.UserId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (accept)
        {
            throw SubmitEntry.AlreadyOnATeam();
        }

        await audit.AppendAsync(new AuditEvent($"scenarios.challenge.partner-{(accept ? "accepted" : "declined")}", "challenge", challengeId.ToString(),
            ProblemMessage.Of("scenarios.audit.partner-answered", request.OrganisationId.ToString(), request.EntryId.ToString())), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<Ok<IReadOnlyList<PartnerRequestView>>> HandleMineAsync(PartnerConsent consent, CancellationToken cancellationToken) =>
        TypedResults.Ok(await consent.MineAsync(null, cancellationToken));

    public static async Task<NoContent> HandleAnswerAsync(Guid id, Guid requestId, string decision, PartnerConsent consent, CancellationToken cancellationToken)
    {
        if (decision is not ("accept" or "decline"))
        {
            throw InvalidInputException.For("decision", "scenarios.problem.partner-decision");
        }

        await consent.AnswerAsync(id, requestId, decision == "accept", cancellationToken);
        return TypedResults.NoContent();
    }
}
