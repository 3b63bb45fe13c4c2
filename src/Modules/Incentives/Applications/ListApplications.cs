using Funeng.Incentives.Data;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Applications;

/// <summary>Applications a user may see: office staff and experts all, an enterprise its own.</summary>
internal static class ListApplications
{
    public static async Task<Ok<List<ApplicationView>>> HandleAsync(string? programId, IncentivesDb db, CurrentUser user, CancellationToken cancellationToken) =>
        TypedResults.Ok((await VisibleAsync(db, user, programId, cancellationToken)).Select(ApplicationView.Of).ToList());

    public static async Task<Ok<ApplicationView>> GetAsync(Guid id, IncentivesDb db, CurrentUser user, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApplicationView.Of(await FindAsync(db, user, id, cancellationToken)));

    public static async Task<List<Application>> VisibleAsync(IncentivesDb db, CurrentUser user, string? programId, CancellationToken cancellationToken)
    {
        var query = db.Applications.AsNoTracking().Include(a => a.Scores).Include(a => a.Attachments).AsQueryable();
        if (!Reviewer(user))
        {
            var own = user.OrganisationId ?? Guid.Empty;
            query = query.Where(a => a.OrganisationId == own);
        }

        if (!string.IsNullOrEmpty(programId))
        {
            query = query.Where(a => a.ProgramId == programId);
        }

        var list = await query.ToListAsync(cancellationToken);
        return list.OrderByDescending(a => a.SubmittedAt).ToList();
    }

    public static async Task<Application> FindAsync(IncentivesDb db, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Scores).Include(a => a.Attachments).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null || (!Reviewer(user) && !user.BelongsTo(application.OrganisationId)))
        {
            throw new DomainRuleException("There is no such application.", "id", 404);
        }

        return application;
    }

    private static bool Reviewer(CurrentUser user) => user.IsInRole(Roles.OfficeStaff) || user.IsInRole(Roles.Expert) || user.IsInRole(Roles.CityStaff);
}
