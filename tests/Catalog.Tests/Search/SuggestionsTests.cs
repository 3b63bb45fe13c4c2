using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;

namespace Funeng.Catalog.Tests.Search;

/// <summary>Issue 12 item 6: suggestions while typing, "did you mean", and cards in the reader's language.</summary>
public sealed class SuggestionsTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typing_the_start_of_a_word_suggests_glossary_terms_and_published_titles_in_either_language()
    {
        await app.PublishedListingAsync(CatalogClient.Algorithm("潮汕话语音转写平台", "Teochew speech transcription platform"));

        var chinese = await SuggestAsync("潮汕话语");
        var english = await SuggestAsync("Teochew spe");
        var term = await SuggestAsync("语音识");
        var traditional = await SuggestAsync("語音識");

        Assert.Contains(chinese, s => s.Text == "潮汕话语音转写平台" && s.Kind == "title" && s.Other == "Teochew speech transcription platform");
        Assert.Contains(english, s => s.Text == "Teochew speech transcription platform" && s.Other == "潮汕话语音转写平台");
        Assert.Equal(("语音识别", "glossary", "speech recognition"), (term[0].Text, term[0].Kind, term[0].Other));
        Assert.Equal(term, traditional);
    }

    [Fact]
    public async Task A_title_written_in_traditional_characters_is_suggested_as_written_for_a_simplified_start()
    {
        await app.PublishedListingAsync(CatalogClient.Algorithm("澳門旅遊問答機器人", "Macao travel question answering robot"));

        var suggestions = await SuggestAsync("澳门旅游");

        Assert.Contains(suggestions, s => s.Text == "澳門旅遊問答機器人" && s.Kind == "title");
    }

    [Fact]
    public async Task Drafts_are_never_suggested_and_the_answer_is_bounded()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        await owner.Client.CreateAsync(CatalogClient.Algorithm("未发布的机密草稿算法", "Unpublished secret draft"));
        for (var i = 0; i < 3; i++)
        {
            await app.PublishedListingAsync(CatalogClient.Algorithm($"珠江水质预测模型{i}", $"Pearl River water model {i}"));
        }

        Assert.Empty(await SuggestAsync("未发布的机密"));
        Assert.Equal(2, (await SuggestAsync("珠江水质", limit: 2)).Count);
        var tooMany = await app.Anonymous().GetAsync("/api/v1/catalog/suggestions?q=x&limit=500", Token);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task The_search_page_works_as_a_plain_form_and_asks_for_suggestions_as_HTML_list_items()
    {
        await app.PublishedListingAsync(CatalogClient.Algorithm("珠海港口集装箱识别", "Zhuhai port container recognition"));

        var page = await app.Anonymous().GetStringAsync("/catalog", Token);
        var items = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog/suggestions?q=" + Uri.EscapeDataString("珠海港"), Token));

        Assert.Contains("<form method=\"get\" action=\"/catalog\"", page, StringComparison.Ordinal);
        Assert.Contains("data-suggest=\"/catalog/suggestions\" aria-controls=\"q-suggestions\"", page, StringComparison.Ordinal);
        Assert.Contains("<ul id=\"q-suggestions\"", page, StringComparison.Ordinal);
        Assert.StartsWith("<li data-testid=\"suggestion\"", items.Trim(), StringComparison.Ordinal);
        Assert.Contains("珠海港口集装箱识别", items, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", items, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_query_with_few_hits_offers_the_corrected_one_that_finds_more()
    {
        await app.PublishedListingAsync(CatalogClient.Algorithm("闽南语语音识别服务", "闽南语语音识别服务"));

        var misspelt = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("speach recogniton"), Token));
        var correct = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("speech recognition"), Token));

        Assert.Contains("data-testid=\"did-you-mean\"", misspelt, StringComparison.Ordinal);
        Assert.Contains("q=speech%20recognition\">speech recognition</a>", misspelt, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"did-you-mean\"", correct, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_API_offers_the_pages_did_you_mean_and_words_to_try_each_finding_more_than_the_search()
    {
        await app.PublishedListingAsync(CatalogClient.Algorithm("潮州话语音识别服务", "潮州话语音识别服务"));
        await app.PublishedListingAsync(CatalogClient.Algorithm("锂电池极片质检服务", "Battery electrode quality inspection"));
        var exact = "q=" + Uri.EscapeDataString("\"瑕疵检测\"");

        var misspelt = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("speach recogniton"));
        var few = await app.Anonymous().SearchAsync(exact);
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?" + exact, Token));

        Assert.Equal("speech recognition", misspelt.GetProperty("didYouMean").GetString());
        var words = few.GetProperty("tryWords").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains("质检", words);
        foreach (var word in words)
        {
            Assert.Contains(">" + word + "</a>", page, StringComparison.Ordinal);
            Assert.True((await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString(word))).GetProperty("total").GetInt32() > few.GetProperty("total").GetInt32(), word);
        }

        // One name of the concept in each language: its other names find what 质检 finds (a search looks for them all).
        Assert.DoesNotContain(words, w => w is "质量检测" or "缺陷检测" or "质量检验" or "visual inspection" or "defect detection");
    }

    [Fact]
    public async Task A_search_names_the_terms_of_the_need_that_no_entry_mentions()
    {
        // A care home's need: speech recognition is offered, fall detection by no one; the hits answer only part of it.
        await app.PublishedListingAsync(CatalogClient.Algorithm("粤语语音识别服务", "Cantonese speech recognition service"));
        var need = "q=" + Uri.EscapeDataString("语音识别 跌倒检测 \"夜间巡房记录\"");

        var found = await app.Anonymous().SearchAsync(need);
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?" + need, Token));
        var present = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("speech recognition"));

        Assert.Equal(["跌倒检测", "夜间巡房记录"], found.GetProperty("unfound").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains("目录中没有条目提到：跌倒检测、夜间巡房记录", page, StringComparison.Ordinal);
        Assert.Empty(present.GetProperty("unfound").EnumerateArray());
    }

    [Fact]
    public async Task A_name_inside_the_typed_one_is_offered_in_either_language_when_it_finds_more()
    {
        await app.PublishedListingAsync(CatalogClient.Algorithm("中英文本互译服务", "Chinese-English text translation service"));

        var english = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("\"real-time translation\""));
        var chinese = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("\"实时翻译\""));

        Assert.Contains("translation", english.GetProperty("tryWords").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains("翻译", chinese.GetProperty("tryWords").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task A_search_whose_words_find_nothing_offers_no_words_that_find_nothing_either_nor_results_below()
    {
        // 病虫害's other names (虫害, 病虫害识别, pest detection…) are in no listing: offering them led to more empty pages.
        var none = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("病虫害"));
        var page = await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("病虫害"), Token);

        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Empty(none.GetProperty("tryWords").EnumerateArray());
        Assert.DoesNotContain("data-testid=\"try-words\"", page, StringComparison.Ordinal);
        // Nor does an empty page say that "the results below" hold some of the words.
        Assert.DoesNotContain("data-testid=\"relaxed\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_English_page_a_card_names_the_owner_in_English_when_it_has_an_English_name()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var saved = await owner.Client.PutAsJsonAsync($"/api/v1/catalog/organisations/{owner.OrganisationId}",
            new { legalNameZh = "佛山陶瓷智检科技有限公司", legalNameEn = "Foshan Ceramic Inspection Tech", citySlug = "foshan", sectors = new[] { "manufacturing" } }, Token);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(CatalogClient.Algorithm("瓷砖表面缺陷检测", "Ceramic tile defect detection", city: "foshan", sectors: ["manufacturing"]));
        await owner.Client.PublishedAsync(office.Client, id);
        var reader = app.Anonymous();
        await reader.GetAsync("/culture/en?returnUrl=/catalog", Token);

        var english = WebUtility.HtmlDecode(await reader.GetStringAsync("/catalog?q=" + Uri.EscapeDataString("tile defect"), Token));
        var chinese = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("瓷砖"), Token));

        var card = $"<p class=\"card-source\"><a href=\"/catalog/organisations/{owner.OrganisationId}\">";
        Assert.Contains(card + "Foshan Ceramic Inspection Tech</a>", english, StringComparison.Ordinal);
        Assert.Contains(card + "佛山陶瓷智检科技有限公司</a>", chinese, StringComparison.Ordinal);
    }

    private async Task<List<(string Text, string Kind, string? Other)>> SuggestAsync(string typed, int limit = 8)
    {
        var answer = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/catalog/suggestions?limit={limit}&q=" + Uri.EscapeDataString(typed), Token);
        return [.. answer.EnumerateArray().Select(s => (s.GetProperty("text").GetString()!, s.GetProperty("kind").GetString()!, s.GetProperty("other").GetString()))];
    }
}
