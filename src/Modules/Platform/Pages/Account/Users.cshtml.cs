using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

/// <summary>Office staff see every account and set its roles; each change is audited.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class UsersModel(AccountQueries queries, ChangeUserRoles change) : PageModel
{
    public IReadOnlyList<AccountRow> Users { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await queries.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string userId, string[] roles, CancellationToken cancellationToken)
    {
        if (await change.SetAsync(userId, roles.Where(Roles.All.Contains).ToList(), cancellationToken) is not { } user)
        {
            return NotFound();
        }

        Saved = user.Email;
        return RedirectToPage();
    }
}
