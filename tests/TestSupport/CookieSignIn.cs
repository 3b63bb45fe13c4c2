using System.Net;
using System.Text.RegularExpressions;

namespace Funeng.TestSupport;

/// <summary>Signs in through the real login form, as a browser does: a client that carries the session cookie.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpClient> SignInAsync(this ITestApp app, ActingUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        var client = app.Anonymous(); // keeps cookies, follows no redirect
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative), cancellationToken);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var login = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email,
            ["Password"] = user.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), login, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {user.Email} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>, for posting that form as a browser does.</summary>
    public static string AntiforgeryToken(string page) => WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
