using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Data;
using Funeng.Platform.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

[Authorize]
internal sealed class TokensModel(PlatformDb db, IActor actor, TimeProvider clock) : PageModel, IShowsProblems
{
    public IReadOnlyList<ApiTokenCommands.Listed> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw InvalidInputException.For("name", "account.tokens.name-invalid");
        }

        NewSecret = (await ApiTokenCommands.CreateAsync(db, actor.UserId!, name, 90, clock, cancellationToken)).Secret;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if ((await ApiTokenCommands.HandleRevokeAsync(id, actor, db, clock, cancellationToken)).Result is Microsoft.AspNetCore.Http.HttpResults.NoContent)
        {
            this.Tell(ProblemMessage.Of("account.done.token-revoked"));
        }

        return RedirectToPage();
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Tokens = (await ApiTokenCommands.HandleListAsync(actor, db, cancellationToken)).Value!;
}
