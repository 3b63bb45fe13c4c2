using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Web;

/// <summary>
/// Where the public reaches the site (section <c>Site</c>). Links that leave the site — in exports, e-mails,
/// feeds — are built from <see cref="PublicBaseUrl"/>, never from the request's Host header, which a client chooses.
/// </summary>
public sealed class PublicSiteOptions
{
    public const string Section = "Site";

    /// <summary>Scheme and host (and port), no path, e.g. <c>https://funeng.example.gov.cn</c>. Default: the address <c>./funeng serve</c> uses.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The base URL without a trailing slash.</summary>
    public string BaseUrl => PublicBaseUrl.TrimEnd('/');

    internal bool IsValid() =>
        Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0;

    internal static void Register(IServiceCollection services) =>
        services.AddOptions<PublicSiteOptions>().BindConfiguration(Section)
            .Validate(o => o.IsValid(), "Site:PublicBaseUrl must be an absolute http(s) URL with no path, e.g. https://funeng.example.gov.cn.")
            .ValidateOnStart();
}
