using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Kernel.Security;

namespace Funeng.Catalog.Tests.Glossary;

/// <summary>Issue 12 item 2: office staff keep the glossary on a page and through the API; a change applies to the next query.</summary>
public sealed partial class GlossaryApiTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Office_adds_护工排班_caregiver_scheduling_and_the_next_English_query_finds_the_listing_without_reindexing()
    {
        var id = await app.PublishedListingAsync(CatalogClient.Algorithm("养老院护工排班助手", "养老院护工排班助手", "按老人照护等级自动生成护工班表"));
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        Assert.DoesNotContain(await ViasAsync(id), v => v == "护工排班");

        var added = await office.Client.PostAsJsonAsync("/api/v1/catalog/glossary",
            new { zh = new[] { "护工排班" }, en = new[] { "caregiver scheduling", "care staff rostering" }, source = "广州市养老服务指引（测试）" }, Token);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var entry = await added.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("office", entry.GetProperty("origin").GetString());
        Assert.Contains("护工排班", await ViasAsync(id));
        var listed = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/catalog/glossary?q=" + Uri.EscapeDataString("caregiver sched"), Token);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal("护工排班", listed.GetProperty("entries")[0].GetProperty("group").GetString());
    }

    [Fact]
    public async Task Retiring_a_shipped_entry_stops_its_translation_and_restoring_brings_it_back()
    {
        // voiceprint has no other entry (speech recognition would still find 语音识别 through speech → 语音 and recognition → 识别).
        var id = await app.PublishedListingAsync(CatalogClient.Algorithm("客家话声纹识别引擎", "客家话声纹识别引擎"));
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var group = Uri.EscapeDataString("声纹识别");
        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=voiceprint"));

        var retired = await office.Client.PostAsync($"/api/v1/catalog/glossary/{group}/retire", null, Token);
        var whileRetired = await app.Anonymous().HitIdsAsync("q=voiceprint");
        var restored = await office.Client.PostAsync($"/api/v1/catalog/glossary/{group}/restore", null, Token);

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain(id, whileRetired);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=voiceprint"));
        var entry = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/catalog/glossary/{group}", Token);
        Assert.Equal("edited", entry.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task A_user_who_is_not_office_staff_is_refused_through_the_API_and_the_page()
    {
        var member = await app.CreateUserAsync(Roles.Enterprise);
        var entry = new { zh = new[] { "排班机器人" }, en = new[] { "rostering robot" }, source = "test" };

        var byMember = await member.Client.PostAsJsonAsync("/api/v1/catalog/glossary", entry, Token);
        var anonymous = await app.Anonymous().PostAsJsonAsync("/api/v1/catalog/glossary", entry, Token);
        var page = await PostFormAsync(member.Client, "/catalog/glossary?handler=Add", ("zh", "排班机器人"), ("en", "rostering robot"), ("source", "test"));

        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("只有办公室工作人员可以修改术语表。", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        var listed = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/catalog/glossary?q=" + Uri.EscapeDataString("排班机器人"), Token);
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_a_name_of_another_group_is_refused_on_its_field()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);

        var invalid = await office.Client.PostAsJsonAsync("/api/v1/catalog/glossary", new { zh = new[] { "caregiver" }, en = new[] { "护工" }, source = "" }, Token);
        var taken = await office.Client.PostAsJsonAsync("/api/v1/catalog/glossary", new { zh = new[] { "语音听写" }, en = new[] { "Speech Recognition" }, source = "test" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.Equal(["en", "source", "zh"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("en", (await taken.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Office_staff_add_and_edit_an_entry_with_the_page_forms_and_see_problems_next_to_the_fields()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);

        var refused = await PostFormAsync(office.Client, "/catalog/glossary?handler=Add", ("zh", "智慧药房"), ("en", ""), ("source", ""));
        var added = await PostFormAsync(office.Client, "/catalog/glossary?handler=Add", ("zh", "智慧药房 | 智能药房"), ("en", "smart pharmacy"), ("source", "测试来源"));
        var edited = await PostFormAsync(office.Client, "/catalog/glossary?handler=Update", ("group", "智慧药房"), ("zh", "智慧药房、智能药房、自动化药房"), ("en", "smart pharmacy, automated pharmacy"), ("source", "测试来源"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token));
        Assert.Contains("id=\"glossary-source-error\"", html, StringComparison.Ordinal);
        Assert.Contains("请注明词条来源。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"智慧药房\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?q=" + Uri.EscapeDataString("药房"), Token));
        Assert.Contains("智慧药房、智能药房、自动化药房", page, StringComparison.Ordinal);
        Assert.Contains("smart pharmacy, automated pharmacy", page, StringComparison.Ordinal);
        Assert.DoesNotContain("glossary-form", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_what_search_takes_from_the_general_dictionary_for_a_word_no_entry_names()
    {
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?culture=en&q=containers", Token));
        var named = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?culture=en&q=" + Uri.EscapeDataString("speech recognition"), Token));

        Assert.Contains("CC-CEDICT", page, StringComparison.Ordinal);
        Assert.Contains("No entry names “containers”; search takes those of the general dictionary's translations that some listing holds: 集装箱", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"general-dictionary\"", named, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shipped_entry_says_where_it_comes_from_in_the_readers_words_not_the_files_shorthand()
    {
        var chinese = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?culture=zh-CN&q=" + Uri.EscapeDataString("演算法"), Token));
        var english = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?culture=en&q=" + Uri.EscapeDataString("语音辨识"), Token));

        Assert.Contains("<td>平台自身的产品类型；平台自编：演算法</td>", chinese, StringComparison.Ordinal);
        Assert.Contains("<td>Written for the platform from domain knowledge</td>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("platform:", chinese + english, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>own", chinese + english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_counts_one_entry_as_one_and_heads_each_column_with_what_it_holds()
    {
        var one = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?culture=en&q=pharmacies", Token));
        var some = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?culture=en&q=speech", Token));
        var chinese = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/glossary?culture=zh&q=pharmacies", Token));

        Assert.Contains(">1 entry<", one, StringComparison.Ordinal);
        Assert.Matches(@">([2-9]|\d\d+) entries<", some);
        Assert.Contains("共 1 条词条", chinese, StringComparison.Ordinal);
        // The last column says where an entry comes from (Shipped, Edited by the office), not its synonym group.
        Assert.Contains("<th scope=\"col\">Status</th>", one, StringComparison.Ordinal);
        Assert.Contains("Shipped", one, StringComparison.Ordinal);
    }

    /// <summary>The glossary names ("via") through which the listing matched "caregiver scheduling".</summary>
    private async Task<List<string>> ViasAsync(Guid id) =>
        [.. (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("caregiver scheduling"))).GetProperty("hits").EnumerateArray()
            .Where(h => h.GetProperty("id").GetGuid() == id)
            .SelectMany(h => h.GetProperty("reasons").EnumerateArray())
            .Select(r => r.GetProperty("via").GetString() ?? "")];

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        // Someone who is not office staff sees no glossary form, but the layout's sign-out form still carries a valid token.
        var token = TokenField().Match(await client.GetStringAsync("/catalog/glossary", Token)).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token))]), Token);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
