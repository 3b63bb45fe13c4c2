using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

internal sealed class ForgotPasswordModel(OrganisationAccounts accounts) : PageModel
{
    public bool Sent { get; private set; }

    // Rate limiting: attach the security work's named password-reset policy here once it exists.
    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken cancellationToken)
    {
        await accounts.SendPasswordResetAsync(email, cancellationToken);
        Sent = true;
        return Page();
    }
}
