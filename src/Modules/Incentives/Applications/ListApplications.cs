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
internal sealed class ListApplications(IncentivesDb db, IActor actor, IOrganisationDirectory organisations)
{
    public static async Task<Ok<List<ApplicationView>>> HandleAsync(string? programId, ListApplications applications, CancellationToken cancellationToken) =>
        TypedResults.Ok(await applications.VisibleAsync(programId, cancellationToken));

    public static async Task<Ok<ApplicationView>> GetAsync(Guid id, ListApplications applications, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApplicationView.Of(await applications.FindAsync(id, cancellationToken)));

    /// <summary>The applications the actor may see (of one program when given), latest submitted first.</summary>
    public async Task<List<ApplicationView>> VisibleAsync(string? programId, CancellationToken cancellationToken)
    {
        var query = await ScopeAsync(cancellationToken);
        if (!string.IsNullOrEmpty(programId))
        {
            query = query.Where(a => a.ProgramId == programId);
        }

        var list = await query.ToListAsync(cancellationToken);
        return [.. list.OrderByDescending(a => a.SubmittedAt).Select(ApplicationView.Of)];
    }

    public async Task<Application> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await (await ScopeAsync(cancellationToken)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.there-such-application"), "id", 404);

    /// <summary>
    /// The application as the office and the applicant quote it: its receipt number, else the applicant's name
    /// (its id when the actor may not see it).
    /// </summary>
    public async Task<string> ReferenceAsync(Guid id, CancellationToken cancellationToken) =>
        await (await ScopeAsync(cancellationToken)).Where(a => a.Id == id).Select(a => a.ReceiptNumber ?? a.ApplicantName).FirstOrDefaultAsync(cancellationToken)
        ?? id.ToString();

    public async Task<IQueryable<Application>> ScopeAsync(CancellationToken cancellationToken)
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
