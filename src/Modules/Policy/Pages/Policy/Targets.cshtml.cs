using Funeng.Kernel.Geography;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Policy.Pages.Policy;

internal sealed class TargetsModel(IPolicyQueries policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<PolicyTarget> Targets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await policy.ListTargetsAsync(new TargetFilter(), cancellationToken);
        Years = all.Where(t => t.Year is not null).Select(t => t.Year!.Value).Distinct().Order().ToList();
        var scope = Scope is not null && GuangdongCities.IsValidScope(Scope) ? Scope : null;
        Targets = await policy.ListTargetsAsync(new TargetFilter(Year, scope), cancellationToken);
    }
}
