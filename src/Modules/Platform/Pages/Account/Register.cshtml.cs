using System.Globalization;
using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Funeng.Platform.Pages.Account;

/// <summary>An organisation registers itself and its contact, who becomes its administrator once the office verifies it.</summary>
[EnableRateLimiting(RateLimits.Registration)]
internal sealed class RegisterModel(OrganisationAccounts accounts) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new(null, null, null, "guangzhou", null, null, null, null, null);

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public bool Registered { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.RegisterAsync(Input, CultureInfo.CurrentUICulture.Name, cancellationToken);
        Problems = outcome.Problems;
        Registered = outcome.Succeeded;
        Input = Input with { Password = null };
        return Page();
    }
}
