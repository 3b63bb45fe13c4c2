using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.Editions;

/// <summary>Recommendation catalog editions through the real pipeline: compiling, publication, immutability, roles.</summary>
public abstract class EditionApiTests(ITestApp app)
{
    private const string Path = "/api/v1/catalog/recommendation-editions";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Office_staff_compile_and_publish_an_edition_that_the_public_then_reads()
    {
        var (office, _, listing) = await PublishedListingAsync("工业质检大模型", "Industrial inspection model");
        var id = await CreateEditionAsync(office, "2026年人工智能创新产品推荐目录（第一批）");
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsJsonAsync($"{Path}/{id}/entries", new { listingId = listing }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"{Path}/{id}", Token)).StatusCode);
        Assert.DoesNotContain(await ListAsync(app.Anonymous()), e => e.GetProperty("id").GetGuid() == id);

        var published = await office.Client.PostAsJsonAsync($"{Path}/{id}/publish", new { publishedOn = "2026-11-30" }, Token);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var edition = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Path}/{id}", Token);
        Assert.Equal("2026-11-30", edition.GetProperty("publishedOn").GetString());
        var entry = Assert.Single(edition.GetProperty("entries").EnumerateArray());
        Assert.Equal("工业质检大模型", entry.GetProperty("titleZh").GetString());
        Assert.Contains(await ListAsync(app.Anonymous()), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(["catalog.edition.created", "catalog.edition.entry_added", "catalog.edition.published"], await AuditActionsAsync(id));
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/catalog/recommendations/{id}", Token));
        Assert.Contains("工业质检大模型", page, StringComparison.Ordinal);
        Assert.Contains("2026年人工智能创新产品推荐目录（第一批）", WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/recommendations", Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_edition_refuses_every_change_with_a_conflict_naming_it()
    {
        var (office, owner, listing) = await PublishedListingAsync("智慧养老看护平台", "Smart elder care platform");
        var other = await owner.Client.CreateAsync(CatalogClient.Algorithm("第二个产品", "Second product"));
        await owner.Client.PublishedAsync(office.Client, other);
        var id = await CreateEditionAsync(office, "不可更改的推荐目录");
        await office.Client.PostAsJsonAsync($"{Path}/{id}/entries", new { listingId = listing }, Token);
        await office.Client.PostAsJsonAsync($"{Path}/{id}/publish", new { publishedOn = "2026-12-01" }, Token);

        var attempts = new[]
        {
            await office.Client.PutAsJsonAsync($"{Path}/{id}", new { titleZh = "改名", year = 2026 }, Token),
            await office.Client.PostAsJsonAsync($"{Path}/{id}/entries", new { listingId = other }, Token),
            await office.Client.DeleteAsync($"{Path}/{id}/entries/{listing}", Token),
            await office.Client.PostAsJsonAsync($"{Path}/{id}/publish", new { publishedOn = "2027-01-01" }, Token),
            await office.Client.DeleteAsync($"{Path}/{id}", Token),
        };

        foreach (var response in attempts)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Contains("不可更改的推荐目录", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var edition = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Path}/{id}", Token);
        Assert.Equal("不可更改的推荐目录", edition.GetProperty("titleZh").GetString());
        Assert.Equal("2026-12-01", edition.GetProperty("publishedOn").GetString());
        Assert.Equal(listing, Assert.Single(edition.GetProperty("entries").EnumerateArray()).GetProperty("listingId").GetGuid());
    }

    [Fact]
    public async Task A_listing_changed_and_then_withdrawn_stays_in_the_published_edition_as_it_was_included()
    {
        var (office, owner, listing) = await PublishedListingAsync("港口集装箱识别算法", "Container recognition");
        var id = await CreateEditionAsync(office, "冻结版本推荐目录");
        await office.Client.PostAsJsonAsync($"{Path}/{id}/entries", new { listingId = listing }, Token);
        await office.Client.PostAsJsonAsync($"{Path}/{id}/publish", new { publishedOn = "2026-12-02" }, Token);

        await owner.Client.PutAsJsonAsync($"/api/v1/catalog/listings/{listing}", CatalogClient.Algorithm("港口集装箱识别算法（升级版）", "Container recognition v2"), Token);
        await owner.Client.PublishedAsync(office.Client, listing);
        var later = await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Path}/{id}", Token);
        Assert.Equal(2, Assert.Single(later.GetProperty("entries").EnumerateArray()).GetProperty("currentVersion").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.ActAsync(listing, "withdraw")).StatusCode);

        var entry = Assert.Single((await app.Anonymous().GetFromJsonAsync<JsonElement>($"{Path}/{id}", Token)).GetProperty("entries").EnumerateArray());
        Assert.Equal("港口集装箱识别算法", entry.GetProperty("titleZh").GetString());
        Assert.Equal(1, entry.GetProperty("listingVersion").GetInt32());
        Assert.True(entry.GetProperty("withdrawn").GetBoolean());
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/catalog/recommendations/{id}", Token));
        Assert.Contains("data-withdrawn", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_office_staff_compile_publish_or_delete_editions()
    {
        var (office, owner, listing) = await PublishedListingAsync("只有办公室能编", "Office only");
        var id = await CreateEditionAsync(office, "角色检查推荐目录");
        foreach (var client in new[] { owner.Client, app.Anonymous() })
        {
            var expected = client == owner.Client ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized;
            Assert.Equal(expected, (await client.PostAsJsonAsync(Path, new { titleZh = "企业自编", year = 2026 }, Token)).StatusCode);
            Assert.Equal(expected, (await client.PutAsJsonAsync($"{Path}/{id}", new { titleZh = "改名", year = 2026 }, Token)).StatusCode);
            Assert.Equal(expected, (await client.PostAsJsonAsync($"{Path}/{id}/entries", new { listingId = listing }, Token)).StatusCode);
            Assert.Equal(expected, (await client.DeleteAsync($"{Path}/{id}/entries/{listing}", Token)).StatusCode);
            Assert.Equal(expected, (await client.PostAsJsonAsync($"{Path}/{id}/publish", new { publishedOn = "2026-12-03" }, Token)).StatusCode);
            Assert.Equal(expected, (await client.DeleteAsync($"{Path}/{id}", Token)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync($"{Path}/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync($"{Path}/{id}", Token)).StatusCode);
    }

    [Fact]
    public async Task Only_published_listings_enter_an_edition_and_an_empty_edition_is_not_published()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var draft = await owner.Client.CreateAsync(CatalogClient.Algorithm("草稿不入目录", "Draft stays out"));
        var id = await CreateEditionAsync(office, "只收已发布条目");

        var add = await office.Client.PostAsJsonAsync($"{Path}/{id}/entries", new { listingId = draft }, Token);
        var publish = await office.Client.PostAsJsonAsync($"{Path}/{id}/publish", new { publishedOn = "2026-12-04" }, Token);
        var invalid = await office.Client.PostAsJsonAsync(Path, new { titleZh = "", year = 1800 }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, add.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("titleZh", out _));
        Assert.True(errors.TryGetProperty("year", out _));
    }

    private async Task<(ActingUser Office, ActingUser Owner, Guid Listing)> PublishedListingAsync(string titleZh, string titleEn)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var listing = await owner.Client.CreateAsync(CatalogClient.Algorithm(titleZh, titleEn));
        await owner.Client.PublishedAsync(office.Client, listing);
        return (office, owner, listing);
    }

    private static async Task<Guid> CreateEditionAsync(ActingUser office, string titleZh)
    {
        var response = await office.Client.PostAsJsonAsync(Path, new { titleZh, titleEn = "Recommendation catalog", year = 2026, descriptionZh = "测试", descriptionEn = "Test" }, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
    }

    /// <summary>The audit trail of an edition, oldest first (read with SQL: the audit log is Platform's table).</summary>
    private async Task<List<string>> AuditActionsAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        var key = id.ToString();
        return await db.Database.SqlQuery<string>($"SELECT \"Action\" AS \"Value\" FROM platform_audit_log WHERE \"EntityId\" = {key} ORDER BY \"Sequence\"").ToListAsync(Token);
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement[]>(Path, Token) ?? [];
}

public sealed class EditionApiOnSqlite(CatalogSqliteApp app) : EditionApiTests(app), IClassFixture<CatalogSqliteApp>;

public sealed class EditionApiOnPostgres(CatalogPostgresApp app) : EditionApiTests(app), IClassFixture<CatalogPostgresApp>;
