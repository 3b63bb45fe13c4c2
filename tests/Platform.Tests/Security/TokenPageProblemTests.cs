using System.Net;
using System.Text.RegularExpressions;
using Funeng.Kernel.Security;

namespace Funeng.Platform.Tests.Security;

/// <summary>
/// A refused form on the token page shows the page again with the problem by its field, for every role; Platform
/// booted alone.
/// </summary>
public sealed partial class TokenPageProblemTests(PlatformSqliteApp app) : IClassFixture<PlatformSqliteApp>
{
    [Theory]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Enterprise)]
    public async Task An_empty_token_name_shows_the_page_with_the_problem_not_a_bare_error(string role)
    {
        var user = await app.CreateUserAsync(role);
        var browser = await CookieSession.SignInAsync(app, user.Email, user.Password);
        var html = await browser.Client.GetStringAsync("/account/tokens", TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);

        var refused = await browser.Client.PostAsync("/account/tokens",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "", ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        var body = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(refused.Content.Headers.ContentType?.MediaType == "text/html", body);
        Assert.Contains("data-field=\"name\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_token_on_the_page_ends_with_a_notice_in_the_readers_language()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        var browser = await CookieSession.SignInAsync(app, user.Email, user.Password);
        var html = await browser.Client.GetStringAsync("/account/tokens?culture=en", TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        var revoke = Regex.Match(html, "handler=Revoke\"><input type=\"hidden\" name=\"id\" value=\"([^\"]+)\"");
        Assert.True(revoke.Success, "the page offers no revoke form for the fixture's API token");

        var revoked = await browser.Client.PostAsync("/account/tokens?handler=Revoke",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = revoke.Groups[1].Value, ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await browser.Client.GetStringAsync("/account/tokens?culture=en", TestContext.Current.CancellationToken);
        Assert.Contains("role=\"status\" data-testid=\"notice\">Token revoked; programs that use it can no longer get in.<", after, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
