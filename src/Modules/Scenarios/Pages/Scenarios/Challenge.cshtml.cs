using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Challenges;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Following;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>
/// A challenge as each role sees it: the public its rules and (once announced) the ranking; enterprises the
/// entry form; panel experts the way to the blind review; office staff the teams, panel and each step.
/// </summary>
internal sealed class ChallengeModel(GetChallenges challenges, SubmitEntry submit, AssignPanel panel, ExpertRoster roster, DeclareConflict conflicts,
    RunChallenge run, PartnerConsent consent, Followers followers,
    IOrganisationDirectory directory, IActor actor, TimeProvider clock) : ScenariosPage, IShowsProblems
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ChallengeView Details { get; private set; } = null!;

    public OfficeChallengeView? Office { get; private set; }

    public IReadOnlyList<RosterView> Roster { get; private set; } = [];

    public IReadOnlyList<EntryView> MyEntries { get; private set; } = [];

    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    /// <summary>Requests from other leads that the user's organisation join their teams, still unanswered.</summary>
    public IReadOnlyList<PartnerRequestView> PartnerRequests { get; private set; } = [];

    public bool OnPanel { get; private set; }

    public bool IsEnterprise => actor.IsInRole(Roles.Enterprise);

    public bool IsOffice => actor.IsInRole(Roles.OfficeStaff);

    /// <summary>The reason typed into the early-close form, kept when the form comes back with a problem.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>What the step rules read: the page offers a step only when <see cref="ChallengeSteps"/> allows it now, as the API would.</summary>
    public ChallengeState State => ChallengeState.Of(Details);

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (DomainRuleException)
        {
            return NotFound();
        }

        return Page();
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Details = await challenges.PublicAsync(Id, cancellationToken);

        if (IsOffice)
        {
            Office = await challenges.OfficeAsync(Id, cancellationToken);
            Roster = await roster.RosterAsync(cancellationToken);
        }

        if (actor.OrganisationId is not null)
        {
            MyEntries = await challenges.MineAsync(Id, cancellationToken);
        }

        if (IsEnterprise)
        {
            PartnerRequests = (await consent.MineAsync(Id, cancellationToken)).Where(r => r.Status == PartnerRequestStatus.Pending).ToList();
        }

        OnPanel = await challenges.OnPanelAsync(Id, cancellationToken);
        if (OnPanel)
        {
            Organisations = await directory.ListAsync(cancellationToken: cancellationToken);
        }
    }

    public Task<IActionResult> OnPostSubmitAsync(string? title, string? solution, string? partners, List<IFormFile> files, CancellationToken cancellationToken) =>
        TryAsync(async () =>
        {
            var ids = (partners ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(p => Guid.TryParse(p, out var g) ? g : throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.not-an-organisation-id", p), "partners", 422)).ToList();
            await submit.ExecuteAsync(Id, title, solution, ids, files, cancellationToken);
        }, "scenarios.entry.sent", () => RedirectToPage());

    public Task<IActionResult> OnPostPartnerAsync(Guid requestId, bool accept, CancellationToken cancellationToken) =>
        TryAsync(() => consent.AnswerAsync(Id, requestId, accept, cancellationToken), accept ? "scenarios.partner.accepted" : "scenarios.partner.declined", () => RedirectToPage());

    public Task<IActionResult> OnPostFollowAsync(CancellationToken cancellationToken) =>
        TryAsync(() => followers.SetAsync(Follow.ChallengeType, Id, true, cancellationToken), "scenarios.followed", () => RedirectToPage());

    public Task<IActionResult> OnPostConflictAsync(Guid organisationId, string? reason, CancellationToken cancellationToken) =>
        TryAsync(() => conflicts.DeclareConflictAsync(Id, new DeclareConflictRequest(organisationId, null, reason), cancellationToken), "scenarios.conflict.declared", () => RedirectToPage());

    public Task<IActionResult> OnPostPanelAsync(List<string> experts, CancellationToken cancellationToken) =>
        TryAsync(() => panel.AssignAsync(Id, experts, cancellationToken), "scenarios.office.assigned", () => RedirectToPage());

    /// <summary>
    /// Closing entries. Before the deadline the form asks for a reason and a ticked confirmation (no script needed);
    /// a missing one shows the page again, its problem summary naming the field (<see cref="IShowsProblems"/>), with
    /// the reason as typed.
    /// </summary>
    public async Task<IActionResult> OnPostCloseAsync(string? reason, bool confirm, CancellationToken cancellationToken)
    {
        CloseReason = reason;
        var state = ChallengeState.Of(await challenges.PublicAsync(Id, cancellationToken));
        var problems = new List<FieldProblem>();
        if (ChallengeSteps.ClosesEarly(state, Now) && !confirm)
        {
            problems.Add(FieldProblem.Of("confirm", "scenarios.problem.confirm-early-close"));
        }

        if (ChallengeSteps.CloseReasonProblem(state, Now, reason) is { } problem)
        {
            problems.Add(problem);
        }

        InvalidInputException.ThrowIfAny(problems);
        await run.CloseAsync(Id, reason, cancellationToken);
        Confirm("scenarios.office.closed");
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostAdvanceAsync(Guid entryId, CancellationToken cancellationToken) =>
        TryAsync(() => run.AdvanceAsync(Id, entryId, cancellationToken), "scenarios.office.advanced", () => RedirectToPage());

    public Task<IActionResult> OnPostAnnounceAsync(CancellationToken cancellationToken) =>
        TryAsync(() => run.AnnounceAsync(Id, cancellationToken), "scenarios.office.announced", () => RedirectToPage());

    public Task<IActionResult> OnPostObjectAsync(string? text, CancellationToken cancellationToken) =>
        TryAsync(() => run.ObjectAsync(Id, text, cancellationToken), "scenarios.objection.filed", () => RedirectToPage());

    public Task<IActionResult> OnPostResolveAsync(Guid objectionId, bool upheld, string? resolution, CancellationToken cancellationToken) =>
        TryAsync(() => run.ResolveAsync(Id, objectionId, new ResolveObjectionRequest(upheld, resolution), cancellationToken), "scenarios.objection.resolved", () => RedirectToPage());

    public Task<IActionResult> OnPostAwardAsync(CancellationToken cancellationToken) =>
        TryAsync(() => run.AwardAsync(Id, cancellationToken), "scenarios.office.awarded", () => RedirectToPage());
}
