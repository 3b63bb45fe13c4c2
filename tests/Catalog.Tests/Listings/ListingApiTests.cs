using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.Listings;

/// <summary>Listings through the real pipeline: workflow, visibility, search after commit, access between organisations.</summary>
public abstract class ListingApiTests(ITestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_listing_is_found_by_Chinese_and_English_queries_right_after_publication()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await enterprise.Client.CreateAsync(CatalogClient.Algorithm(
            "养老院跌倒检测算法", "Fall detection for care homes", "基于视频识别长者跌倒并报警", "Detects falls of residents from camera video and raises alarms"));
        Assert.DoesNotContain(id, await app.Anonymous().HitIdsAsync("q=跌倒检测"));

        await enterprise.Client.PublishedAsync(office.Client, id);

        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=跌倒检测"));
        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("detecting falls")));
        var hit = (await app.Anonymous().SearchAsync("q=跌倒")).GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == id);
        Assert.Contains("<mark>跌倒</mark>", hit.GetProperty("snippet").GetString());
        Assert.Equal("published", hit.GetProperty("status").GetString()?.ToLowerInvariant());
    }

    [Fact]
    public async Task A_draft_is_found_and_read_only_by_its_owner_and_the_office()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var other = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("潮汐能预测草稿算法", "Tidal forecast draft", sectors: ["energy"]));

        Assert.Contains(id, await owner.Client.HitIdsAsync("q=潮汐能"));
        Assert.Contains(id, await office.Client.HitIdsAsync("q=潮汐能"));
        Assert.DoesNotContain(id, await other.Client.HitIdsAsync("q=潮汐能"));
        Assert.DoesNotContain(id, await app.Anonymous().HitIdsAsync("q=潮汐能"));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/v1/catalog/listings/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/catalog/listings/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/catalog/listings/{id}", Token)).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_can_neither_see_edit_submit_nor_withdraw_another_organisations_draft()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var other = await app.CreateUserAsync(Roles.Enterprise);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("他人草稿", "Someone else's draft"));
        var edit = CatalogClient.Algorithm("改写", "Rewritten");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/catalog/listings/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PutAsJsonAsync($"/api/v1/catalog/listings/{id}", edit, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.ActAsync(id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.ActAsync(id, "withdraw")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.ActAsync(id, "publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.ActAsync(id, "return", new { reason = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/catalog/listings/{id}/model-card", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/catalog/listings/{id}/dcat", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync("/api/v1/catalog/review-queue", Token)).StatusCode);
        Assert.DoesNotContain(id, await other.Client.HitIdsAsync($"owner={owner.OrganisationId}"));
        var unchanged = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/catalog/listings/{id}", Token);
        Assert.Equal("他人草稿", unchanged.GetProperty("listing").GetProperty("summary").GetProperty("titleZh").GetString());
    }

    [Fact]
    public async Task An_enterprise_can_neither_edit_nor_withdraw_another_organisations_published_listing_or_profile()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var other = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("已发布的算法", "Published algorithm"));
        await owner.Client.PublishedAsync(office.Client, id);

        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync($"/api/v1/catalog/listings/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PutAsJsonAsync($"/api/v1/catalog/listings/{id}", CatalogClient.Algorithm("篡改", "Tampered"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.ActAsync(id, "withdraw")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.ActAsync(id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PutAsJsonAsync($"/api/v1/catalog/organisations/{owner.OrganisationId}", new { legalNameZh = "篡改" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.PostAsJsonAsync($"/api/v1/catalog/organisations/{owner.OrganisationId}/qualifications",
            new { kind = "high_tech_enterprise", issuer = "x", validFrom = "2025-01-01", evidence = "x" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/v1/catalog/listings", CatalogClient.Algorithm("匿名", "Anonymous"), Token)).StatusCode);
    }

    [Fact]
    public async Task Office_staff_cannot_publish_a_listing_of_their_own_organisation()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await office.Client.CreateAsync(CatalogClient.Algorithm("省办自己的算法", "The office's own algorithm"));
        Assert.Equal(HttpStatusCode.OK, (await office.Client.ActAsync(id, "submit")).StatusCode);
        var response = await office.Client.ActAsync(id, "publish");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Submitting_a_listing_twice_is_refused_with_its_state_in_the_readers_language()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("重复提交的算法", "Submitted twice"));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.ActAsync(id, "submit")).StatusCode);

        var chinese = await owner.Client.ActAsync(id, "submit");
        var english = await owner.Client.PostAsJsonAsync($"/api/v1/catalog/listings/{id}/submit?culture=en", new { }, Token);

        Assert.Equal(HttpStatusCode.Conflict, chinese.StatusCode);
        Assert.Equal("只有草稿或已退回的条目才能提交；该条目处于“待审核”状态。", (await chinese.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString());
        Assert.Equal("Only a draft or returned listing can be submitted; this one is “Submitted”.", (await english.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Returning_names_the_reason_and_every_publication_keeps_its_version()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("工业质检算法", "Visual inspection", sectors: ["manufacturing"]));
        await owner.Client.ActAsync(id, "submit");
        var returned = await (await office.Client.ActAsync(id, "return", new { reason = "请补充部署方式" })).Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("请补充部署方式", returned.GetProperty("returnReason").GetString());

        await owner.Client.PublishedAsync(office.Client, id);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PutAsJsonAsync($"/api/v1/catalog/listings/{id}", CatalogClient.Algorithm("工业质检算法 第二版", "Visual inspection v2", sectors: ["manufacturing"]), Token)).StatusCode);
        var publicView = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/catalog/listings/{id}", Token);
        Assert.Equal("工业质检算法", publicView.GetProperty("listing").GetProperty("summary").GetProperty("titleZh").GetString());
        await owner.Client.PublishedAsync(office.Client, id);

        var view = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/catalog/listings/{id}", Token);
        Assert.Equal("工业质检算法 第二版", view.GetProperty("listing").GetProperty("summary").GetProperty("titleZh").GetString());
        Assert.Equal([1, 2], view.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await owner.Client.ActAsync(id, "withdraw")).StatusCode);
        Assert.DoesNotContain(id, await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("工业质检")));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/catalog/listings/{id}", Token)).StatusCode);
    }

    [Fact]
    public async Task Facets_count_the_hits_and_narrow_them()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var a = await owner.Client.CreateAsync(CatalogClient.Algorithm("珊瑚礁监测算法甲", "Coral reef monitor A", city: "zhanjiang", sectors: ["agriculture"]));
        var b = await owner.Client.CreateAsync(CatalogClient.Algorithm("珊瑚礁监测算法乙", "Coral reef monitor B", city: "shantou", sectors: ["agriculture"]));
        await owner.Client.PublishedAsync(office.Client, a);
        await owner.Client.PublishedAsync(office.Client, b);

        var all = await app.Anonymous().SearchAsync("q=珊瑚礁");
        var cities = all.GetProperty("facets").GetProperty("city").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Equal(1, cities["zhanjiang"]);
        Assert.Equal(1, cities["shantou"]);
        Assert.Equal([a], await app.Anonymous().HitIdsAsync("q=珊瑚礁&city=zhanjiang"));
    }

    [Fact]
    public async Task Bug_13_importing_a_thousand_filings_leaves_showcase_algorithm_products_unchanged_and_recommending_one_moves_it_by_one()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<ILiveIndicatorSource>().Single(s => s.GetType().Name == "CatalogIndicators");
        async Task<(decimal Province, decimal Yunfu)> ShowcaseAsync()
        {
            var all = await source.ReadAsync(Token);
            decimal Of(string name) => all.SingleOrDefault(o => o.Indicator == "algorithm_products" && o.Scope == name)?.Value ?? 0;
            return (Of("province"), Of("city:yunfu"));
        }

        var before = await ShowcaseAsync();
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder("filing_number,algorithm_name,entity,purpose,gd_city,list_type,algorithm_class,role,product,batch\n");
        for (var i = 0; i < 1000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"网信算备4405000{batch}{i:0000}号,测试推荐算法{batch}{i},云浮测试科技有限公司,为用户推荐内容,云浮市,,个性化推送类,服务提供者,测试App,第{i % 9}批\n");
        }

        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "filings.csv");
            var imported = await office.Client.PostAsync("/api/v1/catalog/imports", form, Token);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            Assert.Equal(1000, (await imported.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("listingsAdded").GetInt32());
        }

        Assert.Equal(before, await ShowcaseAsync());

        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var product = await owner.Client.CreateAsync(CatalogClient.Algorithm("云浮石材缺陷检测", "Stone defect detection", city: "yunfu", sectors: ["manufacturing"]));
        await owner.Client.PublishedAsync(office.Client, product);
        Assert.Equal(before, await ShowcaseAsync()); // published, not yet recommended
        var first = await PublishedEditionAsync(office, product);
        Assert.Equal((before.Province + 1, before.Yunfu + 1), await ShowcaseAsync());
        await PublishedEditionAsync(office, product); // a second edition recommending it again does not count it twice
        Assert.Equal((before.Province + 1, before.Yunfu + 1), await ShowcaseAsync());
        Assert.NotEqual(Guid.Empty, first);
    }

    [Fact]
    public async Task Care_rehabilitation_and_virtual_reality_terminals_and_large_models_feed_their_targets_indicators()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<ILiveIndicatorSource>().Single(s => s.GetType().Name == "CatalogIndicators");
        async Task<decimal[]> CountsAsync()
        {
            var all = await source.ReadAsync(Token);
            string[] indicators = ["care_rehab_new_products", "vr_terminals_and_applications", "ai_models"];
            return indicators.Select(i => all.SingleOrDefault(o => o.Indicator == i && o.Scope == "city:jiangmen")?.Value ?? 0).ToArray();
        }

        var before = await CountsAsync();
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        foreach (var (type, category) in new[] { ("terminal_product", "care_rehab"), ("terminal_product", "vr_ar"), ("terminal_product", "phone"), ("large_model", "") })
        {
            var attributes = type == "terminal_product" ? new Dictionary<string, string> { ["category"] = category } : [];
            var id = await owner.Client.CreateAsync(new
            {
                type, titleZh = $"江门{category}产品", titleEn = $"Jiangmen {category} product", summaryZh = "测试", summaryEn = "Test", citySlug = "jiangmen", sectors = new[] { "elder_care" }, keywords = Array.Empty<string>(), attributes,
            });
            await owner.Client.PublishedAsync(office.Client, id);
        }

        Assert.Equal(before.Select(b => b + 1), await CountsAsync());
    }

    private static async Task<Guid> PublishedEditionAsync(ActingUser office, Guid listing)
    {
        const string path = "/api/v1/catalog/recommendation-editions";
        var created = await office.Client.PostAsJsonAsync(path, new { titleZh = "推荐目录", titleEn = "Recommendation catalog", year = 2026, descriptionZh = "测试", descriptionEn = "Test" }, Token);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsJsonAsync($"{path}/{id}/entries", new { listingId = listing }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsJsonAsync($"{path}/{id}/publish", new { publishedOn = "2026-11-30" }, Token)).StatusCode);
        return id;
    }
}

public sealed class ListingApiOnSqlite(CatalogSqliteApp app) : ListingApiTests(app), IClassFixture<CatalogSqliteApp>;

public sealed class ListingApiOnPostgres(CatalogPostgresApp app) : ListingApiTests(app), IClassFixture<CatalogPostgresApp>;
