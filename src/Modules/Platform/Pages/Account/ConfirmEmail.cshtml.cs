using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

internal sealed class ConfirmEmailModel(OrganisationAccounts accounts) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code) =>
        Confirmed = userId is not null && code is not null && await accounts.ConfirmEmailAsync(userId, code);
}
