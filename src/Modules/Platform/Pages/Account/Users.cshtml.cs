using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Pages.Account;

/// <summary>Office staff see every account and set its roles; each change is audited.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class UsersModel(PlatformDb db, UserManager<FunengUser> users, IAuditLog audit) : PageModel
{
    public sealed record Row(string Id, string DisplayName, string Email, string Organisation, IReadOnlySet<string> Roles);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => new LocalizedText(o.NameZh, o.NameEn), cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var memberships = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        Users = accounts.ConvertAll(u => new Row(
            u.Id,
            u.DisplayName,
            u.Email ?? "",
            organisations.TryGetValue(u.OrganisationId, out var name) ? name.ToString() : "?",
            memberships.Where(m => m.UserId == u.Id).Select(m => roleNames[m.RoleId]).ToHashSet()));
    }

    public async Task<IActionResult> OnPostAsync(string userId, string[] roles, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        await ChangeUserRoles.ApplyAsync(user, roles.Where(Roles.All.Contains).ToList(), users, db, audit, cancellationToken);
        Saved = user.Email;
        return RedirectToPage();
    }
}
