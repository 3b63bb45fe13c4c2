using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Platform.Tests.Security;

/// <summary>Issue 15: sign-in and anonymous search are rate limited, with a 429 in problem details.</summary>
public sealed class RateLimitTests(RateLimitTests.App app) : IClassFixture<RateLimitTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app with small limits, so a test reaches them in a few requests.</summary>
    public sealed class App : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimits:SignIn:PermitLimit"] = "3",
            ["RateLimits:SignIn:WindowSeconds"] = "3600",
            ["RateLimits:AnonymousSearch:PermitLimit"] = "2",
            ["RateLimits:AnonymousSearch:WindowSeconds"] = "3600",
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
}
