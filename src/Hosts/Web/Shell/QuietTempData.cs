using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Funeng.Web.Shell;

/// <summary>
/// The cookie TempData provider writes a deleting <c>Set-Cookie</c> on every page whose model has a
/// <c>[TempData]</c> property, even when the browser sent no TempData cookie. A response with a cookie is never
/// output-cached, so that made every such public page (the scenario list among them) render anew for each reader.
/// This provider saves nothing when there is nothing to keep and nothing to clear.
/// </summary>
internal sealed class QuietTempData(ITempDataProvider cookies, string cookieName) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if ((values is null || values.Count == 0) && !context.Request.Cookies.Keys.Any(k => k.StartsWith(cookieName, StringComparison.Ordinal)))
        {
            return;
        }

        cookies.SaveTempData(context, values!);
    }

    /// <summary>Wraps the registered cookie provider (it stays what reads and writes the cookie).</summary>
    public static IServiceCollection Use(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ITempDataProvider));
        services.Remove(registered);
        services.AddSingleton<ITempDataProvider>(provider => new QuietTempData(
            (ITempDataProvider)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!));
        return services;
    }
}
