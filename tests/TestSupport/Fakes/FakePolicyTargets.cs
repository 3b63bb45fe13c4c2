using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Policy's <c>PolicyTargets</c> view component (the targets table other modules' pages embed) when a
/// module whose page embeds it runs alone and Policy's pages are not there: records which indicators each page asked
/// for and marks the spot where the table would be.
/// </summary>
public sealed class FakePolicyTargets
{
    public FakeCalls Calls { get; } = new();

    /// <summary>Registers the fake and its view component (this assembly as an application part: its only view component).</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<FakePolicyTargets>();
        services.AddMvcCore().AddApplicationPart(typeof(FakePolicyTargets).Assembly);
    }
}

/// <summary>The view component a page invokes as <c>PolicyTargets</c>, answered by <see cref="FakePolicyTargets"/>.</summary>
[ViewComponent(Name = "PolicyTargets")]
public sealed class FakePolicyTargetsViewComponent(FakePolicyTargets fake) : ViewComponent
{
    public IViewComponentResult Invoke(string indicators)
    {
        fake.Calls.Record([indicators]);
        return new HtmlContentViewComponentResult(new Microsoft.AspNetCore.Html.HtmlString(
            $"<aside data-testid=\"fake-policy-targets\" data-indicators=\"{System.Net.WebUtility.HtmlEncode(indicators)}\"></aside>"));
    }
}
