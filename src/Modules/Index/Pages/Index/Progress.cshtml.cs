using Funeng.Index.Scoring;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Index.Pages.Index;

internal sealed class ProgressModel(IndexViews views) : PageModel
{
    public IndexView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await views.LoadAsync(null, IndexMethod.Default, 0, cancellationToken);
}
