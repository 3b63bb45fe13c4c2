using System.Net;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Catalog.Tests.Search;

/// <summary>Suggestions search the index on every keystroke, so anonymous callers count against the anonymous-search limit.</summary>
public sealed class SuggestionsRateLimitTests(SuggestionsRateLimitTests.App app) : IClassFixture<SuggestionsRateLimitTests.App>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The app with a small anonymous-search limit, reached in a few requests.</summary>
    public sealed class App : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousSearch:PermitLimit"] = "3",
            ["RateLimits:AnonymousSearch:WindowSeconds"] = "3600",
        };
    }

    [Fact]
    public async Task Anonymous_suggestions_beyond_the_limit_get_429_on_the_API_and_the_page_alike_and_signed_in_users_are_not_limited()
    {
        var anonymous = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await anonymous.GetAsync("/api/v1/catalog/suggestions?q=" + Uri.EscapeDataString("语音"), Token)).StatusCode);
        }

        var api = await anonymous.GetAsync("/api/v1/catalog/suggestions?q=" + Uri.EscapeDataString("语音"), Token);
        var page = await anonymous.GetAsync("/catalog/suggestions?q=" + Uri.EscapeDataString("语音"), Token);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(api.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);

        var user = await app.CreateUserAsync(Roles.Enterprise);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/v1/catalog/suggestions?q=" + Uri.EscapeDataString("语音"), Token)).StatusCode);
        }
    }
}
