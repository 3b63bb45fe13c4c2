using System.Globalization;
using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

/// <summary>An organisation registers itself and its contact, who becomes its administrator once the office verifies it.</summary>
internal sealed class RegisterModel(OrganisationAccounts accounts) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new(null, null, null, "guangzhou", null, null, null, null, null);

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public bool Registered { get; private set; }

    // Rate limiting: attach the security work's named registration policy here once it exists.
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.RegisterAsync(Input, CultureInfo.CurrentUICulture.Name, cancellationToken);
        Problems = outcome.Problems;
        Registered = outcome.Succeeded;
        Input = Input with { Password = null };
        return Page();
    }
}
