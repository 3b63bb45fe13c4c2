using System.Net;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Policy's <c>PolicyTargets</c> view component, which other modules' pages embed by name
/// (<c>Component.InvokeAsync("PolicyTargets", …)</c>), when a module runs alone: lists the ids of the targets
/// <see cref="FakePolicyQueries"/> holds for the indicators asked, so the page renders and a test can see what
/// it asked for.
/// </summary>
[ViewComponent(Name = "PolicyTargets")]
public sealed class FakePolicyTargetsViewComponent(FakePolicyQueries policy) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string indicators)
    {
        var wanted = (indicators ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var targets = await policy.ListTargetsAsync(new TargetFilter(), HttpContext.RequestAborted);
        var items = targets.Where(t => wanted.Contains(t.Indicator)).Select(t => $"<li>{WebUtility.HtmlEncode(t.Id)}</li>");
        return new HtmlContentViewComponentResult(new Microsoft.AspNetCore.Html.HtmlString(
            $"<ul data-fake=\"policy-targets\" data-indicators=\"{WebUtility.HtmlEncode(string.Join(",", wanted))}\">{string.Concat(items)}</ul>"));
    }
}

public static class FakePolicyTargetsRegistration
{
    /// <summary>Makes the fake view component findable: this assembly becomes one of the host's application parts.</summary>
    public static IServiceCollection AddFakePolicyTargets(this IServiceCollection services)
    {
        services.AddMvcCore().AddApplicationPart(typeof(FakePolicyTargetsViewComponent).Assembly);
        return services;
    }
}
