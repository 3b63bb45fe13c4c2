using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Accounts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Funeng.Platform.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
internal sealed class LoginModel(SignInManager<FunengUser> signIn, UserManager<FunengUser> users, UiText text) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => ReturnUrl ??= "/workbench";

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Password))
        {
            ModelState.AddModelError(string.Empty, text["account.login.missing"]);
            return Page();
        }

        if (!await new PasswordSignIn(signIn, users).SignInAsync(Email, Password))
        {
            ModelState.AddModelError(string.Empty, text["account.login.failed"]);
            return Page();
        }

        // Everyone lands on their workbench unless they came to sign in from a particular page.
        return LocalRedirect(RedirectTarget.Encoded(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : "/workbench"));
    }
}
