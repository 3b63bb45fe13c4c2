using System.Net;
using System.Text.RegularExpressions;
using Funeng.TestSupport;

namespace Funeng.Platform.Tests.Security;

/// <summary>A browser-like client: signs in through the login form and keeps the cookies, as a person's browser does.</summary>
internal sealed partial class CookieSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    /// <summary>A client that keeps its cookies and follows no redirect, on either host.</summary>
    public static HttpClient NewClient(ITestApp app) => app.Anonymous();

    public static async Task<CookieSession> SignInAsync(ITestApp app, string email, string password)
    {
        var session = new CookieSession(NewClient(app));
        var response = await session.PostLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return session;
    }

    /// <summary>Posts the login form with its antiforgery token (at <paramref name="page"/>: the login page with a return address).</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string email, string password, string page = "/account/login")
    {
        var token = await FormTokenAsync(page);
        return await Client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path, TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery field.");
    }

    /// <summary>The validation summary's text on a page answered to a form post.</summary>
    public static async Task<string> ErrorSummaryAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var match = ErrorSummary().Match(html);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", "").Trim()) : "";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("class=\"error-summary[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();
}
