using Funeng.Incentives.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Applications;

/// <summary>
/// Applications a user may see: office staff all; city staff those of their organisation's city; experts those
/// assigned to their organisation for review; everyone their own organisation's. Anything else is "not found".
/// </summary>
internal static class ListApplications
{
    public static async Task<Ok<List<ApplicationView>>> HandleAsync(string? programId, IncentivesDb db, IActor actor, IOrganisationDirectory organisations, CancellationToken cancellationToken) =>
        TypedResults.Ok((await VisibleAsync(db, actor, organisations, programId, cancellationToken)).Select(ApplicationView.Of).ToList());

    public static async Task<Ok<ApplicationView>> GetAsync(Guid id, IncentivesDb db, IActor actor, IOrganisationDirectory organisations, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApplicationView.Of(await FindAsync(db, actor, organisations, id, cancellationToken)));

    public static async Task<List<Application>> VisibleAsync(IncentivesDb db, IActor actor, IOrganisationDirectory organisations, string? programId, CancellationToken cancellationToken)
    {
        var query = await ScopeAsync(db, actor, organisations, cancellationToken);
        if (!string.IsNullOrEmpty(programId))
        {
            query = query.Where(a => a.ProgramId == programId);
        }

        var list = await query.ToListAsync(cancellationToken);
        return list.OrderByDescending(a => a.SubmittedAt).ToList();
    }

    public static async Task<Application> FindAsync(IncentivesDb db, IActor actor, IOrganisationDirectory organisations, Guid id, CancellationToken cancellationToken) =>
        await (await ScopeAsync(db, actor, organisations, cancellationToken)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-application"), "id", 404);

    public static async Task<IQueryable<Application>> ScopeAsync(IncentivesDb db, IActor actor, IOrganisationDirectory organisations, CancellationToken cancellationToken)
    {
        var query = db.Applications.AsNoTracking().Include(a => a.Scores).Include(a => a.Attachments).AsQueryable();
        if (actor.IsInRole(Roles.OfficeStaff))
        {
            return query;
        }

        var own = actor.OrganisationId ?? Guid.Empty;
        var city = actor.IsInRole(Roles.CityStaff) && actor.OrganisationId is { } organisation
            ? (await organisations.FindAsync(organisation, cancellationToken))?.CitySlug
            : null;
        var expert = actor.IsInRole(Roles.Expert);
        var assigned = db.Assignments.Where(x => x.ReviewerOrganisationId == own).Select(x => x.ApplicationId);
        return query.Where(a => a.OrganisationId == own || (city != null && a.CitySlug == city) || (expert && assigned.Contains(a.Id)));
    }
}
