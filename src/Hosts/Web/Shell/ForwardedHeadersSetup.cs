using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Funeng.Web.Shell;

/// <summary>
/// Behind a reverse proxy (nginx terminating TLS), the client's address and scheme arrive in X-Forwarded-For and
/// X-Forwarded-Proto. They are believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>
/// (loopback by default), so a client cannot forge its address for the rate limiter or the audit log.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeadersBehindProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }
}
