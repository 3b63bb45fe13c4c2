using Funeng.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

internal sealed class LogoutModel(SignInManager<FunengUser> signIn, UserManager<FunengUser> users) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp makes every copy of the old cookie worthless, not just the one this browser drops.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
