using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.SavedSearches;

/// <summary>Saved searches through the real pipeline: notification on publication, once per listing, only one's own.</summary>
public abstract class SavedSearchApiTests(FunengApp app)
{
    private const string Path = "/api/v1/catalog/saved-searches";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_saver_is_notified_once_when_a_matching_listing_is_published_and_not_again_on_republication()
    {
        var watcher = await app.CreateUserAsync(Roles.Enterprise);
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var saved = await watcher.Client.PostAsJsonAsync(Path, new { name = "夜间离床监测", text = "离床", filters = new { sectors = new[] { "elder_care" } } }, Token);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var match = await supplier.Client.CreateAsync(CatalogClient.Algorithm("养老院夜间离床报警", "Night bed-exit alarm", sectors: ["elder_care"]));
        var otherSector = await supplier.Client.CreateAsync(CatalogClient.Algorithm("工厂离床式检测", "Factory check", sectors: ["manufacturing"]));
        Assert.Empty(await AlertsAsync(watcher, "夜间离床监测"));
        await supplier.Client.PublishedAsync(office.Client, match);
        await supplier.Client.PublishedAsync(office.Client, otherSector);

        var alert = Assert.Single(await AlertsAsync(watcher, "夜间离床监测"));
        Assert.Contains("养老院夜间离床报警", alert.GetProperty("titleZh").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/catalog/listings/{match}", alert.GetProperty("link").GetString());

        var edited = CatalogClient.Algorithm("养老院夜间离床报警（第二版）", "Night bed-exit alarm v2", sectors: ["elder_care"]);
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.PutAsJsonAsync($"/api/v1/catalog/listings/{match}", edited, Token)).StatusCode);
        await supplier.Client.PublishedAsync(office.Client, match);
        Assert.Single(await AlertsAsync(watcher, "夜间离床监测"));
    }

    [Fact]
    public async Task A_new_version_that_matches_for_the_first_time_is_announced()
    {
        var watcher = await app.CreateUserAsync(Roles.Enterprise);
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await supplier.Client.CreateAsync(CatalogClient.Algorithm("港口吊机调度", "Crane scheduling", sectors: ["transport"]));
        await supplier.Client.PublishedAsync(office.Client, id);
        Assert.Equal(HttpStatusCode.Created, (await watcher.Client.PostAsJsonAsync(Path, new { name = "集装箱识别", text = "集装箱" }, Token)).StatusCode);

        var edited = CatalogClient.Algorithm("港口吊机调度与集装箱识别", "Crane scheduling and container recognition", sectors: ["transport"]);
        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.PutAsJsonAsync($"/api/v1/catalog/listings/{id}", edited, Token)).StatusCode);
        Assert.Empty(await AlertsAsync(watcher, "集装箱识别"));
        await supplier.Client.PublishedAsync(office.Client, id);

        Assert.Single(await AlertsAsync(watcher, "集装箱识别"));
    }

    [Fact]
    public async Task Another_users_saved_searches_are_invisible_and_cannot_be_deleted()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var colleague = await app.CreateUserAsync(Roles.Enterprise, owner.OrganisationId);
        var saved = await (await owner.Client.PostAsJsonAsync(Path, new { name = "我的搜索", text = "智能客服" }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        var id = saved.GetProperty("id").GetGuid();
        Assert.Equal("/catalog?q=%E6%99%BA%E8%83%BD%E5%AE%A2%E6%9C%8D", saved.GetProperty("link").GetString());

        Assert.Empty(await colleague.Client.GetFromJsonAsync<JsonElement[]>(Path, Token) ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Client.DeleteAsync($"{Path}/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Path, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().DeleteAsync($"{Path}/{id}", Token)).StatusCode);
        Assert.Single(await owner.Client.GetFromJsonAsync<JsonElement[]>(Path, Token) ?? []);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"{Path}/{id}", Token)).StatusCode);
        Assert.Empty(await owner.Client.GetFromJsonAsync<JsonElement[]>(Path, Token) ?? []);
    }

    [Fact]
    public async Task A_saved_search_with_an_unknown_type_or_an_overlong_name_is_refused_by_field()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        var response = await user.Client.PostAsJsonAsync(Path, new { name = new string('名', 101), filters = new { types = new[] { "spaceship" } } }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("spaceship", errors.GetProperty("filters.types")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matching_shows_a_saver_only_what_they_may_see()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var other = await app.CreateUserAsync(Roles.Enterprise);
        var draft = await owner.Client.CreateAsync(CatalogClient.Algorithm("潮间带巡检草稿", "Tidal-zone patrol draft"));
        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<CatalogSearch>();
        CatalogSearchRequest For(Guid? organisation) => new("潮间带巡检", CatalogFilters.None, new CatalogViewer(organisation, false));

        Assert.Contains(draft, search.Matching(For(owner.OrganisationId), [draft]));
        Assert.DoesNotContain(draft, search.Matching(For(other.OrganisationId), [draft]));
        Assert.DoesNotContain(draft, search.Matching(For(null), [draft]));
    }

    [Fact]
    public async Task My_saved_searches_page_lists_the_users_searches()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        await user.Client.PostAsJsonAsync(Path, new { name = "数据集开放", filters = new { types = new[] { "dataset" }, accessLevels = new[] { "open" } } }, Token);

        var html = WebUtility.HtmlDecode(await user.Client.GetStringAsync("/catalog/saved-searches", Token));

        Assert.Contains("数据集开放", html, StringComparison.Ordinal);
        Assert.Contains("/catalog?type=dataset&access=open", html, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> AlertsAsync(ActingUser user, string searchName) =>
        (await user.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/account/notifications", Token) ?? [])
            .Where(n => n.GetProperty("titleZh").GetString()!.Contains(searchName, StringComparison.Ordinal)).ToList();
}

public sealed class SavedSearchApiOnSqlite(SqliteApp app) : SavedSearchApiTests(app), IClassFixture<SqliteApp>;

public sealed class SavedSearchApiOnPostgres(PostgresApp app) : SavedSearchApiTests(app), IClassFixture<PostgresApp>;
