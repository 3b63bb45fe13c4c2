using Funeng.Kernel.Web;
using Funeng.Platform.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

[Authorize]
internal sealed class TokensModel(ApiTokenCommands tokens) : PageModel, IShowsProblems
{
    public IReadOnlyList<ApiTokenCommands.Listed> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        // The page's session is a cookie, so a token made here has no parent token.
        NewSecret = (await tokens.CreateAsync(new ApiTokenCommands.CreateRequest(name, null), parentTokenId: null, cancellationToken)).Secret;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await tokens.RevokeAsync(id, cancellationToken))
        {
            this.Tell(ProblemMessage.Of("account.done.token-revoked"));
        }

        return RedirectToPage();
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListAsync(cancellationToken);
}
