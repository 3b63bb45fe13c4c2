using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Platform.Tests.Security;

/// <summary>Issue 15: sign-in, registration, password reset and anonymous search are rate limited, with a 429 in problem details.</summary>
public sealed class RateLimitTests(RateLimitTests.App app) : IClassFixture<RateLimitTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The app with small limits, so a test reaches them in a few requests. The whole app, not Platform alone: one of
    /// the limited policies is anonymous search, which is Catalog's.
    /// </summary>
    public sealed class App : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PermitLimit"] = "3",
            ["RateLimits:SignIn:WindowSeconds"] = "3600",
            ["RateLimits:AnonymousSearch:PermitLimit"] = "2",
            ["RateLimits:AnonymousSearch:WindowSeconds"] = "3600",
            ["RateLimits:Registration:PermitLimit"] = "2",
            ["RateLimits:Registration:WindowSeconds"] = "3600",
            ["RateLimits:PasswordReset:PermitLimit"] = "2",
            ["RateLimits:PasswordReset:WindowSeconds"] = "3600",
        };
    }

    [Fact]
    public async Task Bug_15_sign_in_attempts_beyond_the_limit_get_429_with_problem_details()
    {
        var browser = new CookieSession(CookieSession.NewClient(app));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.PostLoginAsync("nobody@test.local", "Wrong-password-1")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        var refused = await browser.PostLoginAsync("nobody@test.local", "Wrong-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter is not null);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        // In the request's language (Chinese by default), from strings.json.
        Assert.Equal("请求过于频繁", problem.GetProperty("title").GetString());
        Assert.StartsWith("来自此地址的请求过于频繁，请 ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Showing the page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/account/login", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bug_15_anonymous_search_is_rate_limited_and_signed_in_search_is_not()
    {
        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/catalog/search?q=AI", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/catalog?q=AI", Ct)).StatusCode);
        var refused = await anonymous.GetAsync("/api/v1/catalog/search?q=AI", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var user = await app.CreateUserAsync(Roles.Enterprise);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/catalog/search?q=AI", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Bug_15_registrations_beyond_the_limit_get_429_on_the_page_and_the_api_alike()
    {
        var browser = new CookieSession(CookieSession.NewClient(app));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PostFormAsync(browser, "/account/register", new() { ["Input.ContactEmail"] = $"rate{i}@test.local" })).StatusCode);
        }

        // The page and the API count against one bucket per client address: the API is refused too once the page used it up.
        var api = await browser.Client.PostAsJsonAsync("/api/v1/account/registrations", new { contactEmail = "rate-api@test.local" }, Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await AssertRefusedAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/account/register", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bug_15_password_reset_requests_and_completions_beyond_the_limit_get_429_on_the_pages_and_the_api()
    {
        var browser = new CookieSession(CookieSession.NewClient(app));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await PostFormAsync(browser, "/account/forgot-password", new() { ["email"] = "nobody@test.local" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await AssertRefusedAsync(await browser.Client.PostAsJsonAsync("/api/v1/account/password-resets", new { email = "nobody@test.local" }, Ct));
        await AssertRefusedAsync(await browser.Client.PostAsync("/account/set-password?userId=x&code=y",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["password"] = "Guessing-code-1" }), Ct));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(CookieSession browser, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await browser.FormTokenAsync(path);
        return await browser.Client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Equal(429, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());
    }
}
