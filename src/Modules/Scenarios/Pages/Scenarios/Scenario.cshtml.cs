using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Scenarios.Cases;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Following;
using Funeng.Scenarios.Lists;
using Funeng.Scenarios.Matchmaking;
using Funeng.Scenarios.Posts;
using Funeng.Scenarios.Transitions;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>A scenario with the moves the user may make on it, following, and writing up the case once delivered.</summary>
internal sealed class ScenarioModel(GetScenarios scenarios, GetScenarioLists lists, ScenarioAccess access, TransitionScenario transition,
    Followers followers, CaseCommands cases, FindMatches matchmaking, ApproachCommands approaches, IActor actor) : ScenariosPage, IShowsProblems
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ScenarioView Scenario { get; private set; } = null!;

    public IReadOnlyList<ScenarioListView> Lists { get; private set; } = [];

    public bool Following { get; private set; }

    public bool HasCase { get; private set; }

    public bool IsOwner => actor.BelongsTo(Scenario.OwnerOrganisationId);

    public bool IsOffice => actor.IsInRole(Roles.OfficeStaff);

    public bool IsEnterprise => actor.IsInRole(Roles.Enterprise);

    public IReadOnlyList<SupplierMatch> Matches { get; private set; } = [];

    /// <summary>The need's terms that no catalog entry mentions (<see cref="SupplierMatches.Unfound"/>).</summary>
    public IReadOnlyList<string> Unfound { get; private set; } = [];

    /// <summary>Every interest and invitation for the owner and office; a supplier's own for a supplier.</summary>
    public IReadOnlyList<ApproachView> Approaches { get; private set; } = [];

    public bool CanAnswer(ApproachView approach) => approach.Status == ApproachStatus.Open
        && (IsOwner ? approach.Kind == ApproachKind.Interest : approach.Kind == ApproachKind.Invitation && actor.BelongsTo(approach.SupplierOrganisationId));

    public bool CanWithdraw(ApproachView approach) => approach.Status == ApproachStatus.Open
        && (IsOwner ? approach.Kind == ApproachKind.Invitation : approach.Kind == ApproachKind.Interest && actor.BelongsTo(approach.SupplierOrganisationId));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Loads the page again after the case form's input was refused, so it shows the problems by field.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var found = await scenarios.FindAsync(Id, cancellationToken);
        if (found is null)
        {
            return false;
        }

        Scenario = found;
        Following = await followers.IsFollowingAsync(Follow.ScenarioType, Id, cancellationToken);
        HasCase = await cases.HasCaseAsync(Id, cancellationToken);
        if (actor.OrganisationId is not null || IsOffice)
        {
            Approaches = await approaches.ForScenarioAsync(Id, cancellationToken);
        }

        if (await matchmaking.SuppliersIfShownAsync(Id, cancellationToken) is { } shown)
        {
            (Matches, Unfound) = shown;
        }
        if (found.AvailableActions.Contains(ScenarioAction.Publish))
        {
            var candidates = new List<ScenarioListView>();
            foreach (var list in await lists.ListAsync(cancellationToken))
            {
                if (ListRules.InScope(list.Scope, found.City) && await access.CanReviewScopeAsync(list.Scope, cancellationToken)
                    && list.Quotas.Any(q => q.Sector is null || q.Sector == found.Sector))
                {
                    candidates.Add(list);
                }
            }

            Lists = candidates;
        }

        return true;
    }

    public Task<IActionResult> OnPostMoveAsync(string action, string? reason, Guid? listId, CancellationToken cancellationToken)
    {
        var parsed = Enum.GetValues<ScenarioAction>().Where(a => ScenarioLifecycle.Word(a) == action).Select(a => (ScenarioAction?)a).FirstOrDefault();
        return TryAsync(
            () => parsed is { } known
                ? transition.ExecuteAsync(Id, new TransitionRequest(known, reason, listId), cancellationToken)
                : throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.not-an-action", action), "action", 422),
            "scenarios.moved",
            () => RedirectToPage());
    }

    public Task<IActionResult> OnPostFollowAsync(bool follow, CancellationToken cancellationToken) =>
        TryAsync(() => followers.SetAsync(Follow.ScenarioType, Id, follow, cancellationToken), follow ? "scenarios.followed" : "scenarios.unfollowed", () => RedirectToPage());

    public Task<IActionResult> OnPostCaseAsync(string? title, string? summary, string? outcomeName, decimal outcomeValue, string? outcomeUnit, CancellationToken cancellationToken) =>
        // Input problems (InvalidInputException) pass TryAsync and show the page again by field (IShowsProblems).
        TryAsync(() => cases.CreateAsync(Id, new CreateCaseRequest(title, summary, [new OutcomeRequest(outcomeName, outcomeValue, outcomeUnit)]), cancellationToken),
            "scenarios.cases.created", () => RedirectToPage());

    public Task<IActionResult> OnPostInterestAsync(CancellationToken cancellationToken) =>
        TryAsync(() => approaches.ExpressInterestAsync(Id, cancellationToken), "scenarios.matches.interest-sent", () => RedirectToPage());

    public async Task<IActionResult> OnPostInviteAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        ApproachView? invited = null;
        var result = await TryAsync(async () => invited = await approaches.InviteAsync(Id, organisationId, cancellationToken), "scenarios.matches.invited", () => RedirectToPage());
        // How the invitation reached the supplier, when not through an account, replaces the plain confirmation.
        if (invited?.Reach is OrganisationReachKind.Email or OrganisationReachKind.Nobody)
        {
            Confirm(invited.Reach == OrganisationReachKind.Email ? "scenarios.matches.invited-by-email" : "scenarios.matches.invited-unreachable");
        }

        return result;
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid approachId, ApproachDecision decision, CancellationToken cancellationToken) =>
        TryAsync(() => approaches.DecideAsync(approachId, decision, cancellationToken), "scenarios.approaches.answered", () => RedirectToPage());
}
