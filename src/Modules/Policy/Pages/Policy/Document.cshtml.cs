using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Policy.Pages.Policy;

internal sealed class DocumentModel(IPolicyQueries policy) : PageModel
{
    public PolicyDocumentDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var detail = await policy.FindDocumentAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
