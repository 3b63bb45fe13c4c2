using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Funeng.Platform.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

/// <summary>Office staff verify (实名核验) registered organisations, recording what they checked.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class OrganisationsModel(VerificationQueue queue, OrganisationAccounts accounts) : PageModel
{
    public IReadOnlyList<RegisteredOrganisation> Waiting { get; private set; } = [];

    public IReadOnlyList<RegisteredOrganisation> Decided { get; private set; } = [];

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

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        (Waiting, Decided) = await queue.ReadAsync(cancellationToken);
}
