using Funeng.Policy.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Policy.Pages.Policy;

/// <summary>One measure: its text, what implements it, the money under it and its targets' progress.</summary>
internal sealed class MeasureModel(ReadMeasures measures) : PageModel
{
    public MeasureView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, string number, CancellationToken cancellationToken)
    {
        var view = await measures.FindAsync(id, number, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
