using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Policy.Pages;

/// <summary>
/// The targets of the given indicators as a table, for any module's page:
/// <c>@await Component.InvokeAsync("PolicyTargets", new { indicators = "compute_capacity" })</c>.
/// </summary>
public sealed class PolicyTargetsViewComponent(IPolicyQueries policy) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string indicators)
    {
        var wanted = (indicators ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var targets = await policy.ListTargetsAsync(new TargetFilter(), HttpContext.RequestAborted);
        return View((IReadOnlyList<PolicyTarget>)targets.Where(t => wanted.Count == 0 || wanted.Contains(t.Indicator)).ToList());
    }
}
