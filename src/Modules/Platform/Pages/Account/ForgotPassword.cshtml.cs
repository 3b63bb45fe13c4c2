using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Funeng.Platform.Pages.Account;

[EnableRateLimiting(RateLimits.PasswordReset)]
internal sealed class ForgotPasswordModel(OrganisationAccounts accounts) : PageModel
{
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken cancellationToken)
    {
        await accounts.SendPasswordResetAsync(email, cancellationToken);
        Sent = true;
        return Page();
    }
}
