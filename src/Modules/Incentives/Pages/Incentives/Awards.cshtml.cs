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

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>
/// An enterprise's applications and awards; for office staff, every application and award with the actions on it.
/// Each action ends with a notice saying what happened (<see cref="PageNotice"/>) or the refusal above the page.
/// </summary>
[Authorize]
internal sealed class AwardsModel(ListApplications applications, ListAwards awards, ProgramCatalog catalog, IActor actor, IOrganisationDirectory organisations, ReviewApplication review, DecideApplication decide, AssignReviewers assign, SettleAward settle)
    : PageModel, IShowsProblems
{
    public List<ApplicationView> Applications { get; private set; } = [];

    public List<AwardView> Awards { get; private set; } = [];

    public bool Office => actor.IsInRole(Roles.OfficeStaff);

    public ProgramCatalog Catalog => catalog;

    /// <summary>For office staff: the organisations whose experts may review, and who reviews what already.</summary>
    public List<OrganisationSummary> Reviewers { get; private set; } = [];

    public ILookup<Guid, Guid> AssignedTo { get; private set; } = Array.Empty<ReviewAssignment>().ToLookup(a => a.ApplicationId, a => a.ReviewerOrganisationId);

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Applications = await applications.VisibleAsync(null, cancellationToken);
        Awards = await awards.VisibleAsync(cancellationToken);
        if (Office)
        {
            Reviewers = await assign.ReviewersAsync(cancellationToken);
            AssignedTo = await assign.AssignmentsAsync(cancellationToken);
        }
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid? organisationId, CancellationToken cancellationToken) =>
        OfficeActionAsync(async () =>
        {
            var reviewer = organisationId ?? throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.choose-reviewing-organisation"), "organisationId", 422);
            await assign.AssignAsync(id, reviewer, cancellationToken);
            var name = await organisations.NameOfAsync(reviewer, cancellationToken: cancellationToken);
            return ProblemMessage.Of("incentives.done.assigned", await applications.ReferenceAsync(id, cancellationToken), name);
        });

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken) =>
        OfficeActionAsync(async () =>
        {
            await review.CheckCompletenessAsync(id, true, null, cancellationToken);
            return ProblemMessage.Of("incentives.done.complete", await applications.ReferenceAsync(id, cancellationToken));
        });

    public Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, string? reasons, CancellationToken cancellationToken) =>
        OfficeActionAsync(async () =>
        {
            if (!approve)
            {
                await decide.RejectAsync(id, reasons, cancellationToken);
                return ProblemMessage.Of("incentives.done.rejected", await applications.ReferenceAsync(id, cancellationToken));
            }

            var award = await decide.ApproveAsync(id, null, reasons, cancellationToken);
            return ProblemMessage.Of("incentives.done.approved", await applications.ReferenceAsync(id, cancellationToken), award.Amount);
        });

    public Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken) =>
        OfficeActionAsync(async () =>
        {
            var award = await settle.MoveAsync(id, AwardStatus.Paid, null, cancellationToken);
            return ProblemMessage.Of("incentives.done.paid", award.RecipientName, award.Amount);
        });

    public Task<IActionResult> OnPostClawBackAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        OfficeActionAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new InvalidInputException([FieldProblem.Of("reason", "incentives.refusal.clawback-needs-reason")]);
            }

            var award = await settle.MoveAsync(id, AwardStatus.ClawedBack, ProblemMessage.Of("incentives.ledger.reason.typed", reason.Trim()), cancellationToken);
            return ProblemMessage.Of("incentives.done.clawed-back", award.RecipientName, award.Amount);
        });

    // A refusal propagates to ProblemsPageFilter, which shows this page again with it; only a success redirects.
    private async Task<IActionResult> OfficeActionAsync(Func<Task<ProblemMessage>> action)
    {
        if (!Office)
        {
            return Forbid();
        }

        this.Tell(await action());
        return RedirectToPage();
    }
}
