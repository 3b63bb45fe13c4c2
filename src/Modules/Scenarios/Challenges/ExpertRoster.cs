using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Scenarios.Challenges;

internal sealed record JoinRosterRequest(string? Fields);

internal sealed record RosterView(string UserId, string DisplayName, Guid OrganisationId, string Fields);

/// <summary>
/// The expert roster that panels are drawn from: an expert joins it or updates their fields
/// (<c>PUT /api/v1/challenges/experts/me</c>); office staff read it (<c>GET /api/v1/challenges/experts</c>).
/// </summary>
internal sealed class ExpertRoster(ScenariosDb db, IActor actor, TimeProvider clock)
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

    public static async Task<NoContent> HandleJoinAsync(JoinRosterRequest request, ExpertRoster roster, CancellationToken cancellationToken)
    {
        await roster.JoinRosterAsync(request?.Fields, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<RosterView>>> HandleRosterAsync(ExpertRoster roster, CancellationToken cancellationToken) =>
        TypedResults.Ok(await roster.RosterAsync(cancellationToken));

}
