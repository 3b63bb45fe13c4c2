using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Pages.Account;

/// <summary>Office staff verify (实名核验) registered organisations, recording what they checked.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class OrganisationsModel(PlatformDb db, OrganisationAccounts accounts) : PageModel
{
    public IReadOnlyList<Organisation> Waiting { get; private set; } = [];

    public IReadOnlyList<Organisation> Decided { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid organisationId, bool verified, string? evidence, CancellationToken cancellationToken)
    {
        var outcome = await accounts.VerifyAsync(organisationId, verified, evidence, cancellationToken);
        if (outcome.Succeeded)
        {
            Saved = verified ? "account.organisations.verified" : "account.organisations.refused";
            return RedirectToPage();
        }

        Problem = outcome.Problems.Values.First();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var registered = await db.Organisations.AsNoTracking().Where(o => o.CreditCode != null).ToListAsync(cancellationToken);
        Waiting = registered.Where(o => o.Status == OrganisationStatus.AwaitingVerification).OrderBy(o => o.CreatedAt).ToList();
        Decided = registered.Where(o => o.Status != OrganisationStatus.AwaitingVerification).OrderByDescending(o => o.VerifiedAt).ToList();
    }
}
