using Funeng.Policy.Measures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Policy.Pages.Policy;

/// <summary>For the office: every measure of every pack by status and by document, each linking to its page.</summary>
internal sealed class CoverageModel(ReadMeasures measures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<CoverageRow> All { get; private set; } = [];

    public IReadOnlyList<CoverageRow> Shown { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        All = await measures.CoverageAsync(cancellationToken);
        // An unknown status is no filter, like the targets page's unknown scope.
        Shown = Enum.TryParse<MeasureStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? All.Where(r => r.Status == status).ToList()
            : All;
    }
}
