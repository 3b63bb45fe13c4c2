using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search;
using Funeng.Catalog.Search.Glossary;
using Funeng.Kernel.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.Search;

/// <summary>Issue 12's "Done when" for search: sentences, English for Chinese listings, words apart, phrases, order, collapse; issue 15's bounds.</summary>
public sealed class SearchQueryTests(CatalogSqliteApp app) : IClassFixture<CatalogSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_two_sentence_scenario_description_returns_ranked_hits()
    {
        var id = await PublishAsync(CatalogClient.Algorithm("夜间跌倒识别看护系统", "夜间跌倒识别看护系统", "通过摄像头识别老人夜间跌倒并及时通知护理人员"));

        var result = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("我们是一家社区养老院，夜里值班的护工人手不够。希望有系统能在老人半夜跌倒时马上提醒值班人员。"));

        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(id, hits.Select(h => h.GetProperty("id").GetGuid()));
        var scores = hits.Select(h => h.GetProperty("score").GetSingle()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Speech_recognition_in_English_finds_the_语音识别_listings_and_says_through_which_name()
    {
        var id = await PublishAsync(CatalogClient.Algorithm("粤语方言语音识别服务", "粤语方言语音识别服务", "把粤语通话实时转写为文字"));

        var hit = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("speech recognition"))).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("id").GetGuid() == id);

        var reason = hit.GetProperty("reasons").EnumerateArray().First();
        Assert.Equal("title", reason.GetProperty("field").GetString());
        Assert.Equal("speech recognition", reason.GetProperty("term").GetString());
        Assert.Equal("语音识别", reason.GetProperty("via").GetString());
    }

    [Fact]
    public async Task An_English_need_in_everyday_words_no_glossary_entry_names_finds_the_Chinese_listing_through_the_general_dictionary()
    {
        // No glossary entry names bakery; CC-CEDICT has 饼屋, 烘焙店 and 面包店, of which the catalog holds 面包店 (GeneralDictionary).
        var id = await PublishAsync(CatalogClient.Algorithm("面包店烘焙量预测", "面包店烘焙量预测", "按天气和历史销量预测每家面包店次日的烘焙量"));

        var hits = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("Our bakery chain wants to know how many loaves each shop should bake every morning.")))
            .GetProperty("hits").EnumerateArray().ToList();

        Assert.Equal(id, hits[0].GetProperty("id").GetGuid());
        Assert.Contains(hits[0].GetProperty("reasons").EnumerateArray(), r => r.GetProperty("term").GetString() == "bakery" && r.GetProperty("via").GetString() == "面包店" && r.GetProperty("viaDictionary").GetBoolean());

        // The page says the translation is the general dictionary's, in the reader's language.
        var english = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?culture=en&q=bakery", Token));
        var chinese = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?culture=zh-CN&q=bakery", Token));
        Assert.Contains("bakery · title (as “面包店”, the general dictionary's translation)", english, StringComparison.Ordinal);
        Assert.Contains("bakery · 标题 （按通用词典译作“面包店”）", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_holding_one_of_two_words_only_by_its_english_name_is_found_after_the_one_holding_both()
    {
        var both = await PublishAsync(CatalogClient.Algorithm("渔业鱼群探测声呐", "渔业鱼群探测声呐", "为渔船探测鱼群"));
        var one = await PublishAsync(CatalogClient.Algorithm("近海捕捞声呐", "Inshore fishery sonar", "为近海捕捞船提供声呐", "Sonar for fishery boats", city: "zhanjiang"));

        var found = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("鱼群 渔业"))).GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("id").GetGuid()).ToList();

        // The sonar says fishery (渔业's English name) and no Chinese term of the query: one concept lets it in, as one
        // term of the query's Chinese would.
        Assert.Equal(both, found[0]);
        Assert.Contains(one, found);
    }

    [Fact]
    public async Task An_english_word_finds_its_own_stem_not_a_different_word_cut_alike_generative_is_not_general()
    {
        var generative = await PublishAsync(CatalogClient.Algorithm("海报设计助手", "Generative poster designer", "按文字描述设计海报", "Designs posters from a description"));
        var general = await PublishAsync(CatalogClient.Algorithm("办公文书助手", "General office paperwork assistant", "整理办公文书", "Sorts office paperwork for general use"));

        var found = (await app.Anonymous().SearchAsync("q=generative&size=50")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ToList();

        Assert.Contains(generative, found);
        Assert.DoesNotContain(general, found);
    }

    [Theory]
    [InlineData("recommend", "茶叶网店选品推荐服务", "按顾客浏览记录给茶叶网店挑选商品")]
    [InlineData("medication reminder", "慢病服药提醒小助手", "按时提醒长者服药并记录")]
    public async Task An_english_word_that_stemming_no_longer_joins_to_another_reaches_its_chinese_listing(string query, string title, string summary)
    {
        // Krovetz keeps recommend apart from recommendation, and medication from medical (which Porter joined to medic):
        // the glossary names them, so they still reach 推荐 and 服药 / 提醒.
        var id = await PublishAsync(CatalogClient.Algorithm(title, title, summary));

        var found = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString(query) + "&size=50")).GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("id").GetGuid());

        Assert.Contains(id, found);
    }

    [Fact]
    public async Task A_word_found_only_in_a_listings_keywords_is_given_as_a_reason_from_its_text()
    {
        var id = await PublishAsync(new
        {
            type = "algorithm_product",
            titleZh = "仓储分拣调度服务",
            titleEn = "Warehouse picking scheduler",
            summaryZh = "为仓库安排拣货路线",
            summaryEn = "",
            citySlug = "guangzhou",
            sectors = new[] { "elder_care" },
            keywords = new[] { "冷链仓储" },
            attributes = new Dictionary<string, string>(),
        });

        var hit = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("冷链"))).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("id").GetGuid() == id);

        var reason = Assert.Single(hit.GetProperty("reasons").EnumerateArray());
        Assert.Equal("text", reason.GetProperty("field").GetString());
        Assert.Equal("冷链", reason.GetProperty("term").GetString());
    }

    [Fact]
    public async Task A_listing_holding_a_glossary_names_words_apart_says_which_words_and_for_what()
    {
        // 瑕疵检测 is a name of 质检; this listing says 瑕疵 and 检测 apart, so only the bag finds it, and it must still say why.
        // The English summary says nothing of it: on the English page the reason is still the (Chinese) summary.
        var id = await PublishAsync(CatalogClient.Algorithm(
            "分拣图像说明生成算法", "Sorting image captioning", "根据摄像头拍摄的物料图像进行检测，输出瑕疵品代码", "Writes codes for the pictures a sorting line takes"));

        foreach (var culture in (string[])["zh-CN", "en"])
        {
            var hit = (await app.Anonymous().SearchAsync($"culture={culture}&q=" + Uri.EscapeDataString("质检"))).GetProperty("hits").EnumerateArray()
                .Single(h => h.GetProperty("id").GetGuid() == id);

            var reason = Assert.Single(hit.GetProperty("reasons").EnumerateArray());
            Assert.Equal(("summary", "质检", "瑕疵 + 检测"), (reason.GetProperty("field").GetString(), reason.GetProperty("term").GetString(), reason.GetProperty("via").GetString()));
        }
    }

    [Fact]
    public async Task A_listing_holding_one_words_name_of_an_English_name_says_that_word_not_the_whole_name()
    {
        // 识别 is recognition's name, not speech recognition's: a plate reader found through it for "speech recognition"
        // said "speech recognition (as 识别)", as though it were a speech product. No English word of its own to meet.
        var id = await PublishAsync(CatalogClient.Algorithm("停车场号牌识别服务", "停车场号牌识别服务", "识别进出车辆的号牌并计费", sectors: ["robots"]));

        var hit = (await app.Anonymous().SearchAsync("sector=robots&q=" + Uri.EscapeDataString("speech recognition"))).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("id").GetGuid() == id);

        var reason = Assert.Single(hit.GetProperty("reasons").EnumerateArray());
        Assert.Equal(("title", "recognition", "识别"), (reason.GetProperty("field").GetString(), reason.GetProperty("term").GetString(), reason.GetProperty("via").GetString()));
    }

    [Fact]
    public async Task A_word_only_spelt_across_two_words_of_a_title_gets_no_title_weight_通知_in_通通知道()
    {
        // 通通知道 is 通通 知道: its bigram 通知 is no word of it. The listing that says 通知 as a word comes first.
        var across = await PublishAsync(CatalogClient.Algorithm("通通知道问答模型", "通通知道问答模型", "回答用户关于门店营业时间的提问"));
        var word = await PublishAsync(CatalogClient.Algorithm("护理站呼叫系统", "护理站呼叫系统", "老人按下呼叫器后立即通知值班护士"));

        var hits = await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("通知"));

        var (saysIt, spansIt) = (hits.IndexOf(word), hits.IndexOf(across));
        Assert.True(saysIt >= 0 && (spansIt < 0 || saysIt < spansIt), $"the listing saying 通知 at {saysIt}, the one spanning it at {spansIt}");
    }

    [Fact]
    public async Task A_synonym_in_the_same_language_finds_the_listing_质检_质量检测_缺陷检测()
    {
        var id = await PublishAsync(CatalogClient.Algorithm("注塑件质量检测算法", "注塑件质量检测算法", sectors: ["manufacturing"]));

        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("缺陷检测")));
        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("质检")));
        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("visual inspection")));
    }

    [Fact]
    public async Task Unquoted_视觉质检_finds_视觉_and_质检_apart_and_a_quoted_phrase_is_exact()
    {
        var apart = await PublishAsync(CatalogClient.Algorithm("基于机器视觉的电路板智能质检平台", "PCB board AOI platform", sectors: ["manufacturing"]));
        var together = await PublishAsync(CatalogClient.Algorithm("视觉质检一体机", "Vision QC station", sectors: ["manufacturing"]));

        var unquoted = await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("视觉质检"));
        Assert.Contains(apart, unquoted);
        Assert.Contains(together, unquoted);

        var quoted = await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("\"视觉质检\""));
        Assert.Contains(together, quoted);
        Assert.DoesNotContain(apart, quoted);
        Assert.DoesNotContain(apart, await app.Anonymous().HitIdsAsync("mode=phrase&q=" + Uri.EscapeDataString("视觉质检")));
    }

    [Fact]
    public async Task Mode_all_requires_every_word_while_the_default_lets_a_long_query_miss_some()
    {
        var id = await PublishAsync(CatalogClient.Algorithm("港口集装箱吊装调度优化", "Port crane scheduling", sectors: ["transport"]));
        var text = Uri.EscapeDataString("港口 集装箱 调度 潮汐 航道 泊位");

        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=" + text));
        Assert.DoesNotContain(id, await app.Anonymous().HitIdsAsync("mode=all&q=" + text));
    }

    [Fact]
    public async Task A_query_sharing_one_word_with_the_catalog_is_never_empty()
    {
        var id = await PublishAsync(CatalogClient.Algorithm("蚝田水质监测浮标", "Oyster farm buoy", sectors: ["agriculture"]));

        // English words (no Chinese bigrams to fall back on): three of four would be required, only one is there.
        var result = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("oyster marsquake qubit graviton"));

        Assert.Contains(id, result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()));
        Assert.True(result.GetProperty("relaxed").GetBoolean());
    }

    [Fact]
    public async Task A_search_for_one_character_finds_the_listings_whose_words_hold_it()
    {
        // The bigram field holds 茶叶 and 奶茶, never 茶 alone: one character found nothing at all.
        var leaves = await PublishAsync(CatalogClient.Algorithm("茶叶病虫害图像识别", "Tea leaf pest recognition", sectors: ["agriculture"]));
        // Its English title says no "shop": the class's index is shared, and the bakery need above says shop.
        var shop = await PublishAsync(CatalogClient.Algorithm("奶茶门店销量预测", "Bubble tea sales forecast", sectors: ["retail"]));
        var tax = await PublishAsync(CatalogClient.Algorithm("税务咨询问答助手", "Tax advice assistant", sectors: ["finance"]));

        var result = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("茶"));

        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(leaves, hits.Select(h => h.GetProperty("id").GetGuid()));
        Assert.Contains(shop, hits.Select(h => h.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(tax, hits.Select(h => h.GetProperty("id").GetGuid()));
        var reason = hits.Single(h => h.GetProperty("id").GetGuid() == leaves).GetProperty("reasons").EnumerateArray().First();
        Assert.Equal("茶", reason.GetProperty("term").GetString());
    }

    [Fact]
    public async Task A_search_typed_in_traditional_characters_finds_the_simplified_listings()
    {
        var id = await PublishAsync(CatalogClient.Algorithm("粤港澳客服语音识别引擎", "Cantonese customer service speech recognition", sectors: ["customer_service"]));

        Assert.Contains(id, await app.Anonymous().HitIdsAsync("q=" + Uri.EscapeDataString("語音識別")));
    }

    [Fact]
    public async Task A_listing_written_in_traditional_characters_is_found_by_a_simplified_query_and_shown_as_written()
    {
        // A Hong Kong or Macao supplier writes 語音識別; the owner searching for it writes 语音识别.
        var id = await PublishAsync(CatalogClient.Algorithm("粵港澳客服語音識別引擎", "Greater Bay Area call centre engine",
            "為銀行客服中心提供粵語語音識別與通話質量檢測"));

        var hit = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("语音识别"))).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("id").GetGuid() == id);

        Assert.Equal("粵港澳客服語音識別引擎", hit.GetProperty("titleZh").GetString());
        var reason = hit.GetProperty("reasons").EnumerateArray().First();
        Assert.Equal(("title", "语音识别"), (reason.GetProperty("field").GetString(), reason.GetProperty("term").GetString()));
        Assert.Contains("<mark>語音識別</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_in_Taiwan_words_is_found_by_the_mainland_words_for_the_same_thing()
    {
        // 語音辨識 is Taiwan's 语音识别, a word apart, not a spelling: the glossary names both.
        var id = await PublishAsync(CatalogClient.Algorithm("客服中心語音辨識系統", "Call centre system"));

        var hit = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("语音识别"))).GetProperty("hits").EnumerateArray()
            .Single(h => h.GetProperty("id").GetGuid() == id);

        var reason = hit.GetProperty("reasons").EnumerateArray().First();
        Assert.Equal(("title", "语音识别", "语音辨识"),
            (reason.GetProperty("field").GetString(), reason.GetProperty("term").GetString(), reason.GetProperty("via").GetString()));
    }

    [Theory]
    [InlineData("WeChat", "微信")]
    [InlineData("Douyin", "抖音")]
    [InlineData("iFlytek", "讯飞")]
    [InlineData("B站", "哔哩哔哩")]
    public async Task A_platform_named_in_English_or_by_its_nickname_finds_the_listings_that_name_it_in_Chinese(string typed, string chinese)
    {
        // The Chinese and English titles both Chinese, as the CAC importer writes a filing: no English word to meet.
        var title = $"{chinese}弹幕审核算法";
        var id = await PublishAsync(CatalogClient.Algorithm(title, title, $"用于{chinese}平台的内容审核"));

        var hit = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString(typed))).GetProperty("hits").EnumerateArray().First();

        Assert.Equal(id, hit.GetProperty("id").GetGuid());
        var reason = hit.GetProperty("reasons").EnumerateArray().First();
        Assert.Equal(("title", chinese), (reason.GetProperty("field").GetString(), reason.GetProperty("via").GetString() ?? reason.GetProperty("term").GetString()));
    }

    [Fact]
    public async Task An_empty_query_lists_the_newest_first_not_in_index_order()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var older = await owner.Client.CreateAsync(CatalogClient.Algorithm("较早发布的算法", "Older"));
        await owner.Client.PublishedAsync(office.Client, older);
        var newer = await owner.Client.CreateAsync(CatalogClient.Algorithm("较晚发布的算法", "Newer"));
        await owner.Client.PublishedAsync(office.Client, newer);

        Assert.Equal([newer, older], await app.Anonymous().HitIdsAsync($"type=algorithm_product&owner={owner.OrganisationId}"));
    }

    [Theory]
    [InlineData("the of and")]
    [InlineData("---")]
    [InlineData("%%%")]
    [InlineData("'s")]
    [InlineData("的")]
    public async Task Typed_text_with_nothing_searchable_finds_nothing_and_says_why_it_does_not_list_the_catalog(string text)
    {
        await PublishAsync(CatalogClient.Algorithm("码头集装箱识别算法", "Container recognition"));
        Assert.NotEmpty(await app.Anonymous().HitIdsAsync(""));

        var result = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString(text));

        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Empty(result.GetProperty("hits").EnumerateArray());
        Assert.True(result.GetProperty("nothingSearchable").GetBoolean());
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?culture=en&q=" + Uri.EscapeDataString(text), Token));
        Assert.Contains("Nothing you typed can be searched", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"hit\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplier_with_ten_matching_listings_takes_one_slot_not_ten()
    {
        var busy = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var many = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var id = await busy.Client.CreateAsync(CatalogClient.Algorithm($"红树林巡护识别算法{i}号", $"Mangrove patrol {i}", sectors: ["agriculture"]));
            await busy.Client.PublishedAsync(office.Client, id);
            many.Add(id);
        }

        var other = await PublishAsync(CatalogClient.Algorithm("红树林巡护无人机", "Mangrove drone", sectors: ["agriculture"]));

        var result = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("红树林巡护"));
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        var fromBusy = Assert.Single(hits, h => many.Contains(h.GetProperty("id").GetGuid()));
        Assert.Equal(9, fromBusy.GetProperty("moreFromOwner").GetInt32());
        Assert.Contains(other, hits.Select(h => h.GetProperty("id").GetGuid()));
        Assert.Equal(11, result.GetProperty("matched").GetInt32());
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("红树林巡护"), Token));
        Assert.Contains($"共 11 条结果，来自 {result.GetProperty("total").GetInt32()} 家机构", page, StringComparison.Ordinal);
        Assert.Equal(10, (await app.Anonymous().HitIdsAsync($"q={Uri.EscapeDataString("红树林巡护")}&owner={busy.OrganisationId}")).Count);

        // An API client that wants every matching listing asks for it.
        var every = await app.Anonymous().SearchAsync("collapse=none&q=" + Uri.EscapeDataString("红树林巡护"));
        var listed = every.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(11, listed.Count);
        Assert.All(listed, h => Assert.Equal(0, h.GetProperty("moreFromOwner").GetInt32()));
        Assert.Equal(many.Append(other).Order(), listed.Select(h => h.GetProperty("id").GetGuid()).Order());

        // So can a reader of the page, and go back to one result per organisation.
        var link = Regex.Match(page, "href=\"([^\"]+)\" data-testid=\"list-every\"").Groups[1].Value;
        Assert.Contains("collapse=none", link, StringComparison.Ordinal);
        var everyPage = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync(link, Token));
        Assert.Contains("共 11 条结果", everyPage, StringComparison.Ordinal);
        Assert.Equal(11, Regex.Count(everyPage, "data-testid=\"hit\""));
        Assert.Contains("data-testid=\"group-by-owner\"", everyPage, StringComparison.Ordinal);
        Assert.Contains("name=\"collapse\" value=\"none\"", everyPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_search_parameter()
    {
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Token));
        var parameters = document.RootElement.GetProperty("paths").GetProperty("/api/v1/catalog/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);

        Assert.Equal(
            ["access", "city", "collapse", "licence", "mode", "owner", "page", "q", "qualification", "sector", "size", "sort", "status", "type"],
            parameters.Keys.Order(StringComparer.Ordinal));
        Assert.All(parameters.Values, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.Equal(["most", "any", "all", "phrase"], parameters["mode"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("array", parameters["type"].GetProperty("schema").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("q=AI&page=2147483647&size=20", "page")]
    [InlineData("q=AI&page=300000&size=100", "page")]
    [InlineData("q=AI&page=11&size=100", "page")]
    [InlineData("q=AI&mode=fuzzy", "mode")]
    [InlineData("q=AI&collapse=supplier", "collapse")]
    public async Task Deep_pages_and_unknown_modes_or_groupings_are_refused_with_a_400_naming_the_parameter(string query, string field)
    {
        var response = await app.Anonymous().GetAsync("/api/v1/catalog/search?" + query, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_bad_search_parameter_is_told_in_the_readers_language_on_the_api_and_the_page()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/catalog/search?q=AI&mode=fuzzy&size=x&culture=zh-CN", Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var api = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Equal("有字段不符合要求。", api.GetProperty("title").GetString());
        Assert.Equal("匹配方式为 most（大部分词）、any（任一词）、all（全部词）或 phrase（整句）。", api.GetProperty("errors").GetProperty("mode")[0].GetString());
        Assert.Equal("请填写整数。", api.GetProperty("errors").GetProperty("size")[0].GetString());

        var page = System.Net.WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=AI&page=0&culture=zh-CN", Token));
        Assert.Contains("页码从 1 开始。", page, StringComparison.Ordinal);
        var english = System.Net.WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=AI&page=0&culture=en", Token));
        Assert.Contains("Pages start at 1.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_of_1300_distinct_words_is_refused_naming_the_limit_and_the_search_itself_bounds_it_without_TooManyClauses()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1300).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Longer than any address the platform reads: a 414 problem naming the limit, before search sees it.
        var response = await app.Anonymous().GetAsync("/api/v1/catalog/search?q=" + Uri.EscapeDataString(words), Token);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Within the address limit but over the query's own: a 400 naming q.
        var shorter = string.Join(' ', Enumerable.Range(0, 250).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var refused = await app.Anonymous().GetAsync("/api/v1/catalog/search?q=" + Uri.EscapeDataString(shorter), Token);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"q\"", await refused.Content.ReadAsStringAsync(Token));

        await using var scope = app.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<ICatalogSearch>();
        var direct = await search.SearchAsync(new CatalogSearchRequest(words, CatalogFilters.None, CatalogViewer.Public, int.MaxValue, 100), Token);
        Assert.Empty(direct.Hits);
    }

    [Fact]
    public async Task A_page_with_few_hits_offers_the_glossarys_other_name_that_finds_what_the_exact_phrase_did_not()
    {
        // An English phrase in quotes is searched exactly; the factory's listing says 数字孪生, its Chinese name.
        await app.PublishedListingAsync(CatalogClient.Algorithm("数字孪生工厂仿真平台", "Factory simulation platform"));

        var html = await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("\"digital twin\""), Token);

        Assert.Contains("data-testid=\"try-words\"", html);
        Assert.Contains("q=" + Uri.EscapeDataString("数字孪生"), html);
    }

    [Fact]
    public void The_glossary_has_at_least_500_entries_each_with_both_languages_and_a_source()
    {
        var entries = DomainGlossary.Shipped.Entries;

        Assert.True(entries.Count >= 500, $"{entries.Count} entries");
        Assert.All(entries, e =>
        {
            Assert.NotEmpty(e.Zh);
            Assert.NotEmpty(e.En);
            Assert.False(string.IsNullOrWhiteSpace(e.Source));
        });
        Assert.Contains(entries, e => e.Zh.Contains("质检") && e.Zh.Contains("质量检测") && e.Zh.Contains("缺陷检测") && e.En.Contains("visual inspection"));
    }

    [Fact]
    public void The_query_plan_keeps_glossary_names_whole_and_needs_two_of_three_words()
    {
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, []);
        var plan = QueryPlan.Build("Speech Recognition for 视觉质检", CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Equal(["Speech Recognition", "视觉", "质检"], plan.Concepts.Select(c => c.Surface));
        Assert.Contains("语音识别", plan.Concepts[0].Forms);
        Assert.Contains("质量检测", plan.Concepts[2].Forms);
        Assert.Equal(2, plan.Required);
    }

    [Fact]
    public void A_character_on_its_own_is_searched_as_the_catalogs_words_that_hold_it_only_when_nothing_else_is_asked()
    {
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, ["茶叶病虫害识别", "奶茶门店销量预测", "奶茶配方推荐", "税务咨询"]);

        var tea = QueryPlan.Build("茶", CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);
        var concept = Assert.Single(tea.Concepts);
        Assert.Equal(["茶", "奶茶", "茶叶"], concept.Forms);

        // Beside a word, a lone character stays out: in a sentence most are the segmenter's leftovers.
        var beside = QueryPlan.Build("茶 推荐", CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);
        Assert.Equal(["推荐"], beside.Concepts.Select(c => c.Surface));
    }

    [Fact]
    public void A_long_query_keeps_a_typed_compound_that_no_listing_holds_when_its_glossary_name_is_rare_in_the_index()
    {
        // Nine everyday words in four listings each, and the glossary name 理赔 (of 保险理赔) in one: with more concepts
        // than SearchTuning.MaxConcepts, the rarest are kept, and 保险理赔 is rare through 理赔, not absent.
        using var analyzer = BilingualAnalyzer.PerField();
        const string Everyday = "桌子 椅子 杯子 盘子 窗户 门口 楼梯 花园 草地";
        using var index = new TextsIndex(analyzer, [.. Enumerable.Repeat(Everyday, 4).Append("车险理赔材料")]);
        var plan = QueryPlan.Build("保险理赔 " + Everyday, CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Equal(SearchTuning.Default.MaxConcepts, plan.Concepts.Count);
        Assert.Contains(plan.Concepts, c => c.Surface == "保险理赔" && c.Forms.Contains("理赔"));
    }

    [Fact]
    public void A_long_query_ranks_a_typed_compound_that_no_listing_holds_by_its_glossary_names_not_by_a_name_inside_it()
    {
        // 实时翻译 is in no listing; its glossary name 同传 is in one, 翻译 (a name inside it, rarer here than 实时) in
        // five. Ranked by 翻译, the concept looked commoner than the nine everyday words (four listings each) and was
        // the one left out; what it asks for is as rare as 同传.
        using var analyzer = BilingualAnalyzer.PerField();
        const string Everyday = "桌子 椅子 杯子 盘子 窗户 门口 楼梯 花园 草地";
        using var index = new TextsIndex(analyzer, [.. Enumerable.Repeat(Everyday, 4), .. Enumerable.Repeat("翻译文档 实时数据", 5), "实时数据", "同传服务"]);
        var plan = QueryPlan.Build("实时翻译 " + Everyday, CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Equal(SearchTuning.Default.MaxConcepts, plan.Concepts.Count);
        var concept = Assert.Single(plan.Concepts, c => c.Surface == "实时翻译");
        Assert.Contains("翻译", concept.Forms.Skip(concept.BroaderFrom));
    }

    [Theory]
    [InlineData("视觉质检", "纺织面料瑕疵智能检测", "")]
    [InlineData("视觉质检", "纺织面料瑕疵人工挑选", "质检")]
    [InlineData("\"瑕疵检测\"", "纺织面料瑕疵智能检测", "瑕疵检测")]
    public void What_no_entry_mentions_counts_a_glossary_name_present_when_its_words_are_as_the_search_finds_it(string typed, string text, string unfound)
    {
        // 瑕疵检测 is a name of 质检; the search finds "瑕疵智能检测" through its words 瑕疵 and 检测 apart, so 质检 is
        // not reported missing beside that hit, although the bigram 疵检 is in no document. A quoted phrase stays exact.
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, [text]);
        var plan = QueryPlan.Build(typed, CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Equal(unfound.Split('|', StringSplitOptions.RemoveEmptyEntries), plan.Unfound);
    }

    [Fact]
    public void An_English_need_in_sentences_makes_concepts_of_its_content_words_not_of_its_pronouns_and_request_verbs()
    {
        // "We", "our", "want" and "every" match any English summary ("we provide…") and took the places of the need's
        // words; "reviews" reaches the glossary's review through its stem. A function word that is a name stays.
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, ["酒店评论分析"]);
        var plan = QueryPlan.Build("Our hotel gets reviews every week. We want them read, and we need a chatbot.", CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Equal(["hotel", "reviews", "week", "read", "chatbot"], plan.Concepts.Select(c => c.Surface));
        Assert.Contains("审核", plan.Concepts[1].Forms);
    }

    [Theory]
    [InlineData("We need a platform that transcribes meeting recordings", "meeting|recordings|transcribes")]
    [InlineData("software tools", "software|tools")]
    public void An_English_word_for_a_kind_of_product_is_no_concept_beside_words_that_say_the_need(string text, string concepts)
    {
        // platform → 平台|系统 put every listing titled …平台 first; alone, or with only its kind, it is what is asked.
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, ["会议记录平台"]);
        var plan = QueryPlan.Build(text, CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Equal(concepts.Split('|').Order(StringComparer.Ordinal), plan.Concepts.Select(c => c.Surface).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_preposition_is_neither_a_concept_nor_a_bag_term_however_rare_in_the_index()
    {
        // 关于 ("about") is in one listing, 用药 and 咨询 in four each: chosen rarest first, the preposition would be the
        // plan's most telling concept.
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, [.. Enumerable.Repeat("用药咨询", 4).Append("关于我们")]);
        var plan = QueryPlan.Build("回答长者关于用药的咨询", CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Contains(plan.Concepts, c => c.Surface == "用药");
        Assert.DoesNotContain(plan.Concepts, c => c.Surface == "关于");
        Assert.DoesNotContain(plan.Bag, b => b.Key == "关于");
        Assert.Contains(plan.Bag, b => b.Key == "用药");
    }

    [Theory]
    [InlineData("我们是一家药企，想用人工智能加速新药分子的筛选。", "药企", "是一家|一家|一家药企|想用")]
    [InlineData("老年人用手机不方便，希望有能听懂方言、陪老人聊天的语音助手。", "听懂", "有能听懂|能听懂")]
    [InlineData("医生写病历很花时间，希望看诊时自动把医患对话整理成病历。", "看诊", "看诊时")]
    [InlineData("夜里老人跌倒时，先提醒值班的护工。", "跌倒", "跌倒时|先提醒")]
    public void A_run_of_single_characters_is_cut_at_a_copula_modal_numeral_or_classifier_so_it_is_no_concept(string text, string concept, string notConcepts)
    {
        // SmartCn leaves words it does not know as single characters, which the plan rejoins (跌 倒 → 跌倒); a verb
        // such as 是 or 想, a numeral or a classifier joined them into chunks no listing says (是一家, 有能听懂), rare
        // in the index and so chosen first among a sentence's concepts.
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, [text]);
        var plan = QueryPlan.Build(text, CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.Contains(plan.Concepts, c => c.Surface == concept);
        Assert.All(notConcepts.Split('|'), junk => Assert.DoesNotContain(plan.Concepts, c => c.Surface == junk));
    }

    [Theory]
    [InlineData("实时翻译", "翻译服务|实时监控|实时调度|实时预警", "翻译", "")]
    [InlineData("实时翻译", "实时监控|翻译服务|文档翻译|语音翻译", "", "翻译")]
    [InlineData("理赔审核", "车险理赔|内容审核|图片审核|视频审核", "", "审核")]
    [InlineData("理赔审核", "内容审核|车险理赔|健康险理赔|意外险理赔", "审核", "")]
    public void A_glossary_name_inside_the_typed_one_is_a_broader_form_only_when_rarer_than_the_rest(string typed, string texts, string broader, string notBroader)
    {
        // 翻译 is a name of its own inside 实时翻译: translation services that never say real-time answer part of the
        // need. It counts only where it is rarer than the rest of the name, so that 审核 (content moderation as often
        // as claims review) does not stand for 理赔审核 where moderation fills the index.
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, texts.Split('|'));
        var concept = QueryPlan.Build(typed, CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader).Concepts.Single();

        var broaderForms = concept.Forms.Skip(concept.BroaderFrom).ToList();
        Assert.Equal(broader.Length == 0 ? [] : [broader], broaderForms);
        Assert.DoesNotContain(notBroader.Length == 0 ? "-" : notBroader, concept.Forms);
        Assert.Equal(typed, concept.Forms[0]);
    }

    [Theory]
    [InlineData("我们是一家电视台，想把新闻稿做成视频。", "电视台", "家电")]
    [InlineData("整理出会议纪要和待办事项。", "会议纪要", "办事")]
    [InlineData("我们的电商店铺想推荐商品。", "电商|店铺", "")]
    public void A_glossary_name_spelt_across_the_texts_words_is_no_concept_一家电视台_is_no_home_appliance(string text, string concepts, string notConcept)
    {
        // SmartCn cuts 一 / 家 / 电视台: the glossary's 家电 (home appliances) takes one character of a word of three.
        // It cuts 电 / 商店 / 铺 too, where the glossary's 电商 and 店铺 are what the text says: a name cutting a single
        // word of two stays.
        using var analyzer = BilingualAnalyzer.PerField();
        using var index = new TextsIndex(analyzer, [text]);
        var plan = QueryPlan.Build(text, CatalogTextMatch.MostTerms, analyzer, DomainGlossary.Shipped, index.Reader);

        Assert.All(concepts.Split('|'), concept => Assert.Contains(plan.Concepts, c => c.Surface == concept));
        Assert.DoesNotContain(plan.Concepts, c => c.Surface == notConcept);
    }

    /// <summary>An index in memory of <c>texts</c>, each one document's bigram field, for a query plan's document frequencies.</summary>
    private sealed class TextsIndex : IDisposable
    {
        private readonly Lucene.Net.Store.RAMDirectory _directory = new();

        public TextsIndex(Lucene.Net.Analysis.Analyzer analyzer, IReadOnlyList<string> texts)
        {
            using (var writer = new Lucene.Net.Index.IndexWriter(_directory, new Lucene.Net.Index.IndexWriterConfig(BilingualAnalyzer.Version, analyzer)))
            {
                foreach (var text in texts)
                {
                    writer.AddDocument(new Lucene.Net.Documents.Document
                    {
                        new Lucene.Net.Documents.TextField(IndexFields.All, text, Lucene.Net.Documents.Field.Store.NO),
                        new Lucene.Net.Documents.TextField(IndexFields.Words, text, Lucene.Net.Documents.Field.Store.NO),
                    });
                }

                writer.Commit();
            }

            Reader = Lucene.Net.Index.DirectoryReader.Open(_directory);
        }

        public Lucene.Net.Index.DirectoryReader Reader { get; }

        public void Dispose()
        {
            Reader.Dispose();
            _directory.Dispose();
        }
    }

    private async Task<Guid> PublishAsync(object listing)
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var id = await owner.Client.CreateAsync(listing);
        await owner.Client.PublishedAsync(office.Client, id);
        return id;
    }
}
