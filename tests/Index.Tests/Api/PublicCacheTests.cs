using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Index.Scoring;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Index.Tests.Api;

/// <summary>
/// Public pages come from the cache until what they show changes; signed-in pages never do; the index is computed per
/// change, not per request. On the whole app (<see cref="CachedSqliteApp"/>), not Index alone: the cache is the web
/// host's, over every module's pages (Policy's among them), and a change in one module must evict the others' entries.
/// </summary>
public sealed class PublicCacheTests(CachedSqliteApp app) : IClassFixture<CachedSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unchanged_public_page_keeps_its_etag_and_a_revalidation_costs_a_304()
    {
        var reader = app.Anonymous();

        var first = await reader.GetAsync(new Uri("/policy", UriKind.Relative), Token);
        var second = await reader.GetAsync(new Uri("/policy", UriKind.Relative), Token);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/policy");
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var third = await reader.SendAsync(revalidate, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
    }

    [Fact]
    public async Task The_english_and_chinese_pages_are_cached_apart()
    {
        var chinese = await app.Anonymous().GetStringAsync(new Uri("/policy", UriKind.Relative), Token);
        var english = await app.Anonymous().GetStringAsync(new Uri("/policy?culture=en", UriKind.Relative), Token);
        var chineseAgain = await app.Anonymous().GetStringAsync(new Uri("/policy", UriKind.Relative), Token);

        Assert.Contains("lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", chineseAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imported_observations_show_at_once_on_a_cached_answer()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        const string url = "/api/v1/index/observations?indicator=algorithm_filings&scope=city:foshan";
        var before = await app.Anonymous().GetFromJsonAsync<JsonElement>(url, Token);
        Assert.DoesNotContain(before.EnumerateArray(), f => f.GetProperty("year").GetInt32() == 2051);

        using var csv = new StringContent("indicator,scope,year,value,source\nalgorithm_filings,city:foshan,2051,17,cache test\n", System.Text.Encoding.UTF8, "text/csv");
        var import = await office.Client.PostAsync(new Uri("/api/v1/index/observations/import?format=csv", UriKind.Relative), csv, Token);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var after = await app.Anonymous().GetFromJsonAsync<JsonElement>(url, Token);
        Assert.Equal(17m, after.EnumerateArray().Single(f => f.GetProperty("year").GetInt32() == 2051).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Two_signed_in_users_never_see_each_others_page()
    {
        var first = await app.CreateUserAsync(Roles.Enterprise);
        var second = await app.CreateUserAsync(Roles.Enterprise);
        var firstBrowser = await app.SignInAsync(first, Token);
        var secondBrowser = await app.SignInAsync(second, Token);

        var firstPage = await firstBrowser.GetStringAsync(new Uri("/policy", UriKind.Relative), Token);
        var secondPage = await secondBrowser.GetStringAsync(new Uri("/policy", UriKind.Relative), Token);
        var anonymousPage = await app.Anonymous().GetStringAsync(new Uri("/policy", UriKind.Relative), Token);

        Assert.Contains($"Enterprise {Number(first)}", firstPage, StringComparison.Ordinal);
        Assert.Contains($"Enterprise {Number(second)}", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"Enterprise {Number(first)}", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain("account-name", anonymousPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_computes_the_index_once_per_change_of_its_inputs_not_per_request()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var snapshots = app.Services.GetRequiredService<IndexSnapshots>();
        // Signed in (a bearer token), so the output cache is not in the way: this is the page's own work.
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync(new Uri("/empowerment-index?year=2052", UriKind.Relative), Token)).StatusCode);
        var settled = snapshots.Computations;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync(new Uri("/empowerment-index?year=2052", UriKind.Relative), Token)).StatusCode);
        }

        Assert.Equal(settled, snapshots.Computations);

        var posted = await office.Client.PostAsJsonAsync("/api/v1/index/observations",
            new { indicator = "algorithm_filings", scope = "city:jiangmen", year = 2052, value = 9, source = "test report", publish = true }, Token);
        Assert.True(posted.IsSuccessStatusCode);
        var page = await office.Client.GetStringAsync(new Uri("/empowerment-index?year=2052", UriKind.Relative), Token);
        var afterChange = snapshots.Computations;
        await office.Client.GetStringAsync(new Uri("/empowerment-index?year=2052", UriKind.Relative), Token);

        Assert.True(afterChange > settled, "a change of inputs computes the index anew");
        Assert.Equal(afterChange, snapshots.Computations);
        Assert.Contains("2052", page, StringComparison.Ordinal);
    }

    private static string Number(ActingUser user) => user.Email[user.Role.Length..user.Email.IndexOf('-', StringComparison.Ordinal)];
}
