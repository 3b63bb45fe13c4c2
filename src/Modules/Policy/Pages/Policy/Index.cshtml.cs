using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Policy.Pages.Policy;

internal sealed class IndexModel(IPolicyQueries policy) : PageModel
{
    public IReadOnlyList<PolicyDocumentSummary> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = await policy.ListDocumentsAsync(cancellationToken);
}
