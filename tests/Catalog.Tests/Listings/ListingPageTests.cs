using System.Net;
using System.Text.RegularExpressions;
using Funeng.Kernel.Security;

namespace Funeng.Catalog.Tests.Listings;

/// <summary>Issue 14 item 2: submitting, publishing, returning and withdrawing a listing on its page each end with a notice in the reader's language.</summary>
public sealed partial class ListingPageTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_workflow_action_on_the_listing_page_ends_with_a_notice_naming_the_listing()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("养老看护算法", "Elder-care watch algorithm"));

        Assert.Equal("“Elder-care watch algorithm” submitted; the office will review it", await NoticeAfterAsync(owner.Client, id, "Submit", [], "en"));
        Assert.Equal("已退回“养老看护算法”，理由已告知提交单位", await NoticeAfterAsync(office.Client, id, "Return", [("reason", "请补充部署说明")], "zh-CN"));
        await NoticeAfterAsync(owner.Client, id, "Submit", [], "zh-CN");
        Assert.Equal("已发布“养老看护算法”，公众现可查看", await NoticeAfterAsync(office.Client, id, "Publish", [], "zh-CN"));
        Assert.Equal("“Elder-care watch algorithm” withdrawn", await NoticeAfterAsync(owner.Client, id, "Withdraw", [], "en"));

        // Told once: reading the page again shows no notice.
        Assert.DoesNotContain("data-testid=\"notice\"", await owner.Client.GetStringAsync($"/catalog/listings/{id}", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_listing_on_the_edit_page_ends_with_a_notice_naming_it()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("康复评估算法", "Rehab assessment algorithm"));
        var edit = $"/catalog/listings/edit/{id}";
        var token = WebUtility.HtmlDecode(TokenField().Match(await owner.Client.GetStringAsync(edit, Token)).Groups[1].Value);

        var saved = await PostAsync(owner.Client, edit, token, ("type", "algorithm_product"), ("titleZh", "康复评估算法二代"), ("titleEn", "Rehab assessment algorithm 2"),
            ("summaryZh", ""), ("summaryEn", ""), ("citySlug", "guangzhou"), ("sectors", "elder_care"), ("keywords", ""), ("attr.deployment", "cloud"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("已保存对“康复评估算法二代”的修改", await NoticeAsync(owner.Client, $"/catalog/listings/{id}?culture=zh-CN"));
    }

    [Fact]
    public async Task Creating_and_deleting_an_edition_and_saving_and_deleting_a_search_end_with_a_notice()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var token = WebUtility.HtmlDecode(TokenField().Match(await office.Client.GetStringAsync("/catalog/recommendations", Token)).Groups[1].Value);

        var created = await PostAsync(office.Client, "/catalog/recommendations", token,
            ("titleZh", "2026年创新产品推荐目录"), ("titleEn", "2026 innovative products"), ("year", "2026"), ("descriptionZh", "第一批"), ("descriptionEn", "First batch"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edition = created.Headers.Location!.OriginalString;
        Assert.Equal("Edition “2026 innovative products” created; you can now add products", await NoticeAsync(office.Client, edition + "?culture=en"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office.Client, edition + "?handler=Delete", token)).StatusCode);
        Assert.Equal("已删除推荐目录草稿“2026年创新产品推荐目录”", await NoticeAsync(office.Client, "/catalog/recommendations?culture=zh-CN"));

        var saved = await PostAsync(office.Client, "/catalog/saved-searches?handler=Save", token, ("name", "养老算法"), ("q", "养老"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await office.Client.GetStringAsync("/catalog/saved-searches?culture=en", Token);
        Assert.Equal("Search “养老算法” saved; you will be told of new matches", Notice().Match(list) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null);
        var id = Regex.Match(list, "/catalog/saved-searches\\?id=([0-9a-f-]{36})&amp;handler=delete|handler=delete&amp;id=([0-9a-f-]{36})");
        var deleteId = id.Groups[1].Success ? id.Groups[1].Value : id.Groups[2].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office.Client, $"/catalog/saved-searches?handler=delete&id={deleteId}", token)).StatusCode);
        Assert.Equal("已删除保存的搜索", await NoticeAsync(office.Client, "/catalog/saved-searches?culture=zh-CN"));
    }

    [Theory]
    [InlineData("zh-CN", "请填写目录的中文标题。", "年度应在 2000 年至 2100 年之间。", "名称不能超过 100 个字符。")]
    [InlineData("en", "Give the edition a Chinese title.", "The year is between 2000 and 2100.", "A name has at most 100 characters.")]
    public async Task A_refused_edition_or_saved_search_form_shows_each_fields_problem_in_the_readers_language(string culture, string title, string year, string name)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var token = WebUtility.HtmlDecode(TokenField().Match(await office.Client.GetStringAsync("/catalog/recommendations", Token)).Groups[1].Value);

        var edition = await PostAsync(office.Client, $"/catalog/recommendations?culture={culture}", token, ("titleZh", " "), ("year", "1800"));
        var editionPage = WebUtility.HtmlDecode(await edition.Content.ReadAsStringAsync(Token));
        var search = await PostAsync(office.Client, $"/catalog/saved-searches?culture={culture}&handler=Save", token, ("name", new string('名', 101)));
        var searchPage = WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync(Token));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (edition.StatusCode, search.StatusCode));
        Assert.Contains($"<li data-field=\"titleZh\">{title}<", editionPage, StringComparison.Ordinal);
        Assert.Contains($"<li data-field=\"year\">{year}<", editionPage, StringComparison.Ordinal);
        Assert.Contains($"id=\"edition-year-error\" class=\"hint\" role=\"alert\">{year}<", editionPage, StringComparison.Ordinal);
        Assert.Contains($"<li data-field=\"name\">{name}<", searchPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_published_edition_on_its_page_is_refused_with_a_conflict_naming_it()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var listing = await owner.Client.CreateAsync(CatalogClient.Algorithm("巡检算法", "Patrol algorithm"));
        await owner.Client.PublishedAsync(office.Client, listing);
        var token = WebUtility.HtmlDecode(TokenField().Match(await office.Client.GetStringAsync("/catalog/recommendations", Token)).Groups[1].Value);
        var edition = (await PostAsync(office.Client, "/catalog/recommendations", token, ("titleZh", "已发布的目录"), ("year", "2026"))).Headers.Location!.OriginalString;
        await PostAsync(office.Client, edition + "?handler=Add", token, ("listingId", listing.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office.Client, edition + "?handler=Publish", token, ("publishedOn", "2026-12-01"))).StatusCode);

        var refused = await PostAsync(office.Client, edition + "?culture=en&handler=Update", token, ("titleZh", "改名"), ("year", "2026"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("<li data-field=\"edition\">The recommendation catalog edition “已发布的目录” (2026, ", html, StringComparison.Ordinal);
        Assert.Contains("was published on 2026-12-01 and can no longer change.<", html, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, params (string Name, string Value)[] fields) =>
        client.PostAsync(path, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]), Token);

    private static async Task<string?> NoticeAsync(HttpClient client, string page) =>
        Notice().Match(await client.GetStringAsync(page, Token)) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    private static async Task<string?> NoticeAfterAsync(HttpClient client, Guid id, string handler, (string Name, string Value)[] fields, string culture)
    {
        var page = $"/catalog/listings/{id}";
        var token = TokenField().Match(await client.GetStringAsync(page, Token)).Groups[1].Value;
        var response = await client.PostAsync($"{page}?handler={handler}",
            new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), Token);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode}");
        var notice = Notice().Match(await client.GetStringAsync($"{page}?culture={culture}", Token));
        return notice.Success ? WebUtility.HtmlDecode(notice.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("role=\"status\" data-testid=\"notice\">([^<]*)</div>")]
    private static partial Regex Notice();
}
