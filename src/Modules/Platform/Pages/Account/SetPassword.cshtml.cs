using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Funeng.Platform.Pages.Account;

/// <summary>Where an invitation or a reset mail leads: the person chooses a password.</summary>
// Completing a reset counts against the reset limit, so reset codes cannot be guessed at speed either.
[EnableRateLimiting(RateLimits.PasswordReset)]
internal sealed class SetPasswordModel(OrganisationAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public string? Problem { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? password)
    {
        var outcome = await accounts.SetPasswordAsync(UserId, Code, password);
        Done = outcome.Succeeded;
        Problem = outcome.Problems.Values.FirstOrDefault();
        return Page();
    }
}
