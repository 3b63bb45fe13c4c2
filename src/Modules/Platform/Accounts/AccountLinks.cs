using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Funeng.Platform.Accounts;

/// <summary>Absolute links for mail: the configured public address, else the address of the current request.</summary>
internal sealed class AccountLinks(IOptions<PlatformOptions> options, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl.TrimEnd('/');
        if (configured.Length > 0)
        {
            return configured + pathAndQuery;
        }

        var request = http.HttpContext?.Request;
        return request is null ? "http://localhost:5080" + pathAndQuery : $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }

    public string SetPassword(string userId, string code) =>
        Absolute($"/account/set-password?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}");

    public string ConfirmEmail(string userId, string code) =>
        Absolute($"/account/confirm-email?userId={Uri.EscapeDataString(userId)}&code={Uri.EscapeDataString(code)}");
}
