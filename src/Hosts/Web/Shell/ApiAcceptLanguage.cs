using Microsoft.AspNetCore.Localization;

namespace Funeng.Web.Shell;

/// <summary>
/// The Accept-Language header, for the API only. An API client says its language the HTTP way and has no language
/// cookie; the portal's pages still open in Chinese whatever the browser sends, until the reader chooses English.
/// </summary>
internal sealed class ApiAcceptLanguage : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            ? base.DetermineProviderCultureResult(httpContext)
            : NullProviderCultureResult;
    }
}
