using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Workbench;
using Funeng.Platform.Accounts;
using Funeng.Platform.Data;
using Funeng.Platform.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

/// <summary>
/// The page every role lands on after sign-in: what waits for me (with counts and deadlines), what I submitted and
/// where it stands, my notifications, and the pages of my role. Each module contributes its lines through
/// <see cref="IWorkbenchSource"/>.
/// </summary>
[Authorize]
internal sealed class WorkbenchModel(
    AccountQueries accounts, ListNotifications notifications, IEnumerable<IWorkbenchSource> sources, IActor actor, UiText text, SignInManager<FunengUser> signIn) : PageModel
{
    /// <summary>The pages of each role, in the order a person of that role uses them.</summary>
    private static readonly Dictionary<string, (string Href, string Key)[]> RoleShortcuts = new()
    {
        [Roles.OfficeStaff] = [("/account/organisations", "account.organisations.title"), ("/incentives/awards", "workbench.link.awards"), ("/incentives/parameters", "workbench.link.parameters"), ("/scenarios/challenges", "workbench.link.challenges"), ("/compute/office", "workbench.link.compute-office"), ("/account/users", "account.users.title")],
        [Roles.CityStaff] = [("/incentives", "workbench.link.incentives"), ("/empowerment-index", "workbench.link.index")],
        [Roles.Enterprise] = [("/catalog/profile", "workbench.link.profile"), ("/catalog/saved-searches", "workbench.link.saved-searches"), ("/incentives", "workbench.link.incentives"), ("/scenarios/approaches", "workbench.link.approaches")],
        [Roles.ScenarioOwner] = [("/scenarios", "workbench.link.scenarios"), ("/scenarios/approaches", "workbench.link.approaches"), ("/catalog/saved-searches", "workbench.link.saved-searches")],
        [Roles.Expert] = [("/incentives/review", "workbench.link.review"), ("/scenarios/challenges", "workbench.link.challenges")],
        [Roles.ComputeOperator] = [("/compute/centre", "workbench.link.compute-centre"), ("/compute", "workbench.link.compute")],
    };

    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public IReadOnlyList<ListNotifications.Item> Notifications { get; private set; } = [];

    public IReadOnlyList<(string Href, string Key)> Shortcuts { get; private set; } = [];

    public bool Unverified { get; private set; }

    public string Greeting { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Unverified = User.HasClaim(c => c.Type == FunengClaimsFactory.UnverifiedClaim);
        if (Unverified && await accounts.OrganisationActiveAsync(cancellationToken))
        {
            // The office verified the organisation since this sign-in: take up the roles now rather than at the next sign-in.
            var me = await signIn.UserManager.GetUserAsync(User);
            if (me is not null)
            {
                await signIn.RefreshSignInAsync(me);
                return RedirectToPage();
            }
        }

        var items = new List<WorkItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.ItemsAsync(cancellationToken));
        }

        Items = items;
        Notifications = await notifications.MineAsync(10, cancellationToken);
        var roles = Roles.All.Where(actor.IsInRole).ToList();
        Shortcuts = roles.SelectMany(r => RoleShortcuts[r]).DistinctBy(s => s.Href).Append(("/account/colleagues", "account.colleagues.title")).ToList();
        Greeting = roles.Count == 0
            ? actor.Name
            : $"{actor.Name} · {string.Join("、", roles.Select(r => text["role." + r]))}";
        return Page();
    }
}
