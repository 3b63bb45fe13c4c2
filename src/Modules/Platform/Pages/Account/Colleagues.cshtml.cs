using Funeng.Platform.Accounts;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

/// <summary>An organisation's people; its administrator invites colleagues by mail and sets their roles.</summary>
[Authorize]
internal sealed class ColleaguesModel(AccountQueries queries, OrganisationAccounts accounts) : PageModel
{
    public OrganisationSummary Organisation { get; private set; } = null!;

    public bool IsAdmin { get; private set; }

    public IReadOnlyList<string> Assignable { get; private set; } = [];

    public IReadOnlyList<Colleague> Members { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    [TempData]
    public string? SavedFor { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? displayName, string[] roles, CancellationToken cancellationToken)
    {
        var outcome = await accounts.InviteAsync(email, displayName, roles, cancellationToken);
        return await AfterAsync(outcome, "account.colleagues.invitation-sent", email, cancellationToken);
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, string[] roles, CancellationToken cancellationToken)
    {
        var outcome = await accounts.SetColleagueRolesAsync(userId, roles, cancellationToken);
        var email = await queries.EmailAsync(userId, cancellationToken);
        return await AfterAsync(outcome, "account.users.saved", email, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(AccountOutcome outcome, string savedKey, string? subject, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            (Saved, SavedFor) = (savedKey, subject);
            return RedirectToPage();
        }

        Problem = outcome.Problems.Values.First();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        (Organisation, Members, IsAdmin) = await queries.ColleaguesAsync(cancellationToken);
        Assignable = RegistrationRules.AssignableRoles(Organisation.Kind);
    }
}
