using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Catalog.SavedSearches;
using Funeng.Catalog.Search;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.SavedSearches;

/// <summary>Saved searches through the real pipeline: notification on publication, once per listing, only one's own.</summary>
public abstract class SavedSearchApiTests(ITestApp app)
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

    [Fact]
    public async Task Bug_15_a_saved_search_with_more_filter_values_than_the_limit_is_refused_naming_the_limit()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        var sectors = Enumerable.Range(0, 1300).Select(i => $"sector{i}").ToArray();

        var response = await user.Client.PostAsJsonAsync(Path, new { name = "太多筛选", filters = new { sectors } }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("filters")[0].GetString();
        Assert.Contains($"{SavedSearchRules.MaxFilterValues}", message, StringComparison.Ordinal);
        Assert.Contains("1300", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bug_15_a_saved_search_that_cannot_run_never_fails_a_publish_nor_holds_up_other_savers_alerts()
    {
        var poisoner = await app.CreateUserAsync(Roles.Enterprise);
        var watcher = await app.CreateUserAsync(Roles.Enterprise);
        var supplier = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Stored before the limit existed: 1,300 filter values, more clauses than Lucene allows.
            var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
            db.SavedSearches.Add(new SavedSearchRecord
            {
                Id = Guid.CreateVersion7(), UserId = poisoner.UserId, OrganisationId = poisoner.OrganisationId, Name = "毒", Text = "",
                Filters = new CatalogFilters { Sectors = [.. Enumerable.Range(0, 1300).Select(i => $"s{i}")] }, CreatedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
            await db.SaveChangesAsync(Token);
        }

        Assert.Equal(HttpStatusCode.Created, (await watcher.Client.PostAsJsonAsync(Path, new { name = "红树林巡护", text = "红树林" }, Token)).StatusCode);
        var id = await supplier.Client.CreateAsync(CatalogClient.Algorithm("红树林巡护无人机", "Mangrove patrol drone"));

        Assert.Equal(HttpStatusCode.OK, (await supplier.Client.ActAsync(id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.ActAsync(id, "publish")).StatusCode);

        Assert.Single(await AlertsAsync(watcher, "红树林巡护"));
    }

    [Fact]
    public async Task Publications_queued_before_a_crash_are_announced_by_the_next_round()
    {
        var watcher = await app.CreateUserAsync(Roles.Enterprise);
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        Assert.Equal(HttpStatusCode.Created, (await watcher.Client.PostAsJsonAsync(Path, new { name = "珊瑚礁监测", text = "珊瑚礁" }, Token)).StatusCode);
        var id = Guid.CreateVersion7();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What a process that died right after committing its publication leaves: the listing and its queue row.
            var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
            var listing = new ListingRecord
            {
                Id = id, Type = ListingType.AlgorithmProduct, OwnerOrganisationId = owner.OrganisationId, Status = ListingStatus.Published,
                Content = new ListingContent { TitleZh = "珊瑚礁白化监测算法", TitleEn = "Coral bleaching monitor" }, Source = "test", SourceId = id.ToString(),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            ListingCommands.AddVersion(listing, "test", DateTimeOffset.UtcNow);
            db.Listings.Add(listing);
            SavedSearchAlerts.Enqueue(db, [id], DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Token);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);
            await scope.ServiceProvider.GetRequiredService<SavedSearchAlerts>().DrainAsync(Token);
        }

        var alert = Assert.Single(await AlertsAsync(watcher, "珊瑚礁监测"));
        Assert.Equal($"/catalog/listings/{id}", alert.GetProperty("link").GetString());
    }

    /// <summary>The user's alerts for one saved search, once the background worker has worked through the queue.</summary>
    private async Task<List<JsonElement>> AlertsAsync(ActingUser user, string searchName)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<CatalogDb>().SavedSearchQueue.AnyAsync(Token) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100, Token);
        }

        return (await user.Client.GetFromJsonAsync<JsonElement[]>("/api/v1/account/notifications", Token) ?? [])
            .Where(n => n.GetProperty("titleZh").GetString()!.Contains(searchName, StringComparison.Ordinal)).ToList();
    }
}

public sealed class SavedSearchApiOnSqlite(CatalogSqliteApp app) : SavedSearchApiTests(app), IClassFixture<CatalogSqliteApp>;

public sealed class SavedSearchApiOnPostgres(CatalogPostgresApp app) : SavedSearchApiTests(app), IClassFixture<CatalogPostgresApp>;
