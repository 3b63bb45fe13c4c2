using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Pages.Account;

/// <summary>An organisation's people; its administrator invites colleagues by mail and sets their roles.</summary>
[Authorize]
internal sealed class ColleaguesModel(PlatformDb db, OrganisationAccounts accounts, IActor actor) : PageModel
{
    public sealed record Member(string Id, string DisplayName, string Email, bool Confirmed, bool IsAdmin, IReadOnlyList<string> Roles);

    public Organisation Organisation { get; private set; } = new();

    public bool IsAdmin { get; private set; }

    public IReadOnlyList<string> Assignable { get; private set; } = [];

    public IReadOnlyList<Member> Members { get; private set; } = [];

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
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
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
        var organisationId = actor.OrganisationId ?? Guid.Empty;
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        var people = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var memberships = await db.UserRoles.AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken);
        Members = people.ConvertAll(p => new Member(p.Id, p.DisplayName, p.Email ?? "", p.EmailConfirmed, p.IsOrganisationAdmin,
            memberships.Where(m => m.UserId == p.Id).Select(m => roleNames[m.RoleId]).Order().ToList()));
        IsAdmin = people.Any(p => p.Id == actor.UserId && p.IsOrganisationAdmin);
        Assignable = RegistrationRules.AssignableRoles(Organisation.Kind);
    }
}
