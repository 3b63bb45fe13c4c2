using Funeng.Incentives.Applications;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>An enterprise's applications and awards; for office staff, every application with the actions on it.</summary>
[Authorize]
internal sealed class AwardsModel(IncentivesDb db, ProgramCatalog catalog, IActor actor, IOrganisationDirectory organisations, ReviewApplication review, DecideApplication decide, AssignReviewers assign) : PageModel
{
    public List<Application> Applications { get; private set; } = [];

    public List<Award> Awards { get; private set; } = [];

    public bool Office => actor.IsInRole(Roles.OfficeStaff);

    public ProgramCatalog Catalog => catalog;

    /// <summary>For office staff: the organisations whose experts may review, and who reviews what already.</summary>
    public List<Platform.Contracts.OrganisationSummary> Reviewers { get; private set; } = [];

    public ILookup<Guid, Guid> AssignedTo { get; private set; } = Array.Empty<ReviewAssignment>().ToLookup(a => a.ApplicationId, a => a.ReviewerOrganisationId);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Applications = await ListApplications.VisibleAsync(db, actor, organisations, null, cancellationToken);
        Awards = await ListAwards.VisibleAsync(db, actor, cancellationToken);
        if (Office)
        {
            Reviewers = await assign.ReviewersAsync(cancellationToken);
            AssignedTo = (await db.Assignments.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(a => a.ApplicationId, a => a.ReviewerOrganisationId);
        }
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid? organisationId, CancellationToken cancellationToken) =>
        await OfficeActionAsync(() => organisationId is { } reviewer
            ? assign.AssignAsync(id, reviewer, cancellationToken)
            : throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.choose-reviewing-organisation"), "organisationId", 422));

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken) =>
        await OfficeActionAsync(() => review.CheckCompletenessAsync(id, true, null, cancellationToken));

    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, string? reasons, CancellationToken cancellationToken) =>
        await OfficeActionAsync(() => approve
            ? decide.ApproveAsync(id, null, string.IsNullOrWhiteSpace(reasons) ? "—" : reasons, cancellationToken)
            : decide.RejectAsync(id, string.IsNullOrWhiteSpace(reasons) ? "—" : reasons, cancellationToken));

    private async Task<IActionResult> OfficeActionAsync(Func<Task> action)
    {
        if (!Office)
        {
            return Forbid();
        }

        try
        {
            await action();
        }
        catch (DomainRuleException e)
        {
            Message = e.InReadersLanguage(HttpContext);
        }

        return RedirectToPage();
    }
}
