using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for the view components that one module's pages invoke by name from another (Policy's "PolicyTargets"
/// on every module's front page, Incentives' "EnterpriseFacts" on the catalog profile page) when the module runs
/// without their owner: each renders a marker and records the call, so a test can see what the page asked for.
/// </summary>
public sealed class FakeViewComponents
{
    /// <summary>The calls, by view component name (<see cref="FakeCall.Method"/>), with the arguments the page passed.</summary>
    public FakeCalls Calls { get; } = new();

    internal IViewComponentResult Render(string name, params object?[] arguments)
    {
        Calls.Record(arguments, name);
        return new HtmlContentViewComponentResult(new HtmlString($"<p data-fake=\"{name}\">{WebUtility.HtmlEncode(string.Join(';', arguments))}</p>"));
    }
}

/// <summary>Policy's targets table, faked.</summary>
[ViewComponent(Name = "PolicyTargets")]
public sealed class FakePolicyTargetsViewComponent(FakeViewComponents fake) : ViewComponent
{
    public IViewComponentResult Invoke(string indicators) => fake.Render("PolicyTargets", indicators);
}

/// <summary>Incentives' enterprise-facts form, faked.</summary>
[ViewComponent(Name = "EnterpriseFacts")]
public sealed class FakeEnterpriseFactsViewComponent(FakeViewComponents fake) : ViewComponent
{
    public IViewComponentResult Invoke(IReadOnlyDictionary<string, string[]>? problems = null, string? returnUrl = null) =>
        fake.Render("EnterpriseFacts", returnUrl);
}

internal static class FakeViewComponentRegistration
{
    /// <summary>
    /// Registers the recorder and makes MVC find exactly the given fake view components (a part that offers only
    /// them: the module's own components of the same names must not meet a second one).
    /// </summary>
    public static void AddFakeViewComponents(this IServiceCollection services, params Type[] components)
    {
        services.AddSingleton<FakeViewComponents>();
        services.AddMvcCore().ConfigureApplicationPartManager(parts => parts.ApplicationParts.Add(new FakePart(components)));
    }

    private sealed class FakePart(Type[] components) : ApplicationPart, IApplicationPartTypeProvider
    {
        public override string Name => "Funeng.TestSupport fakes";

        public IEnumerable<TypeInfo> Types => components.Select(c => c.GetTypeInfo());
    }
}
