using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Security;
using Funeng.Policy.Contracts;
using Funeng.TestSupport;
using Funeng.TestSupport.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Funeng.Index.Tests.Api;

/// <summary>
/// The Index API through the real pipeline, on Index alone (<see cref="IndexSqliteApp"/>, <see cref="IndexPostgresApp"/>):
/// the targets come from the fake of Policy and live figures from the fake source, each set by the test that needs
/// them. Each test uses its own years. Whether every target of the real pack has an indicator needs the real Policy
/// module and lives in <see cref="Indicators.PolicyPackIndicatorTests"/>.
/// </summary>
public abstract class IndexApiTests(ITestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_with_a_bad_row_is_refused_naming_row_and_column_and_writes_nothing()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var before = await CountAsync();
        const string csv = "indicator,scope,year,value,source\n" +
            "algorithm_filings,广州,2041,10,test list\n" +
            "algorithm_filings,深圳,2041,12,test list\n" +
            "algorithm_filings,佛山,2041,-3,test list\n" +
            "no_such_indicator,province,2041,1,test list\n";

        var response = await office.Client.PostAsync("/api/v1/index/observations/import?format=csv&culture=zh-CN", new StringContent(csv, Encoding.UTF8, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var errors = problem.GetProperty("errors");
        Assert.Equal("第 4 行“value”列：-3 为负数；每个指标计数或计量的对象都不会小于零。", errors.GetProperty("row 4.value")[0].GetString());
        Assert.Equal("第 5 行“indicator”列：“no_such_indicator”不是已知的指标代码（见 /api/v1/index/indicators）。", errors.GetProperty("row 5.indicator")[0].GetString());
        Assert.Equal("未导入任何数据。", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Bug_15_an_unclosed_quote_a_form_body_or_a_duplicate_header_is_a_400_naming_the_row_or_field_and_writes_nothing()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var before = await CountAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("indicator,scope,year,value,source\n")), "file", "x.csv" } };

        var quote = await office.Client.PostAsync("/api/v1/index/observations/import?format=csv&culture=en",
            new StringContent("indicator,scope,year,value,source\nalgorithm_filings,广州,2042,10,list\nalgorithm_filings,深圳,2042,\"12,list\n", Encoding.UTF8, "text/csv"), Token);
        var multipart = await office.Client.PostAsync("/api/v1/index/observations/import", form, Token);
        var twice = await office.Client.PostAsync("/api/v1/index/observations/import?format=csv",
            new StringContent("indicator,scope,year,value,source, Value \nalgorithm_filings,广州,2042,10,list,11\n", Encoding.UTF8, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, quote.StatusCode);
        Assert.Contains("is never closed", (await quote.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("row 3.file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, multipart.StatusCode);
        Assert.True((await multipart.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("contentType", out _));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.True((await twice.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("row 1.value", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Bug_15_the_command_line_import_refuses_what_the_api_refuses_and_converts_gbk_saying_so()
    {
        var folder = Directory.CreateTempSubdirectory("funeng-index-import-");
        var quote = Path.Combine(folder.FullName, "quote.csv");
        var gbk = Path.Combine(folder.FullName, "gbk.csv");
        await File.WriteAllTextAsync(quote, "indicator,scope,year,value,source\nalgorithm_filings,广州,2043,\"10,list\n", Token);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(gbk, Encoding.GetEncoding("GB18030").GetBytes("indicator,scope,year,value,source\nalgorithm_filings,佛山市,2043,3,网信办名单\n"), Token);
        var before = await CountAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<Funeng.Index.Contracts.IndexCommands>();

        var english = System.Globalization.CultureInfo.GetCultureInfo("en");
        var refused = await commands.ImportAsync(quote, english, Token);
        var converted = await commands.ImportAsync(gbk, english, Token);

        Assert.Equal(0, refused.Imported);
        Assert.Contains("row 2, column file", Assert.Single(refused.Problems), StringComparison.Ordinal);
        Assert.Empty(converted.Problems);
        Assert.Equal(1, converted.Imported);
        Assert.Contains("GBK", Assert.Single(converted.Notes), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CountAsync());
        folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData("zh-CN", "第 3 行“year”列：“20x1”不是年份（如 2025）。")]
    [InlineData("en", "row 3, column year: '20x1' is not a year such as 2025.")]
    public async Task An_import_with_a_problem_row_tells_where_it_is_in_the_readers_language(string culture, string told)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        const string csv = "indicator,scope,year,value,source\nalgorithm_filings,广州,2049,10,test list\nalgorithm_filings,深圳,20x1,12,test list\n";

        var response = await office.Client.PostAsync($"/api/v1/index/observations/import?format=csv&culture={culture}", new StringContent(csv, Encoding.UTF8, "text/csv"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(told, (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("row 3.year")[0].GetString());
    }

    [Theory]
    [InlineData("zh-CN", "upload.csv 不是 UTF-8 文本而是 GBK（GB18030）文本，已转换为 UTF-8 后导入。")]
    [InlineData("en", "upload.csv was not UTF-8 but GBK (GB18030) text; it was converted to UTF-8.")]
    public async Task Bug_15_the_note_that_a_gbk_file_was_converted_is_in_the_readers_language(string culture, string note)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = new ByteArrayContent(Encoding.GetEncoding("GB18030").GetBytes("indicator,scope,year,value,source\nalgorithm_filings,佛山市,2050,3,网信办名单\n"));
        gbk.Headers.ContentType = new("text/csv");

        var response = await office.Client.PostAsync($"/api/v1/index/observations/import?format=csv&culture={culture}", gbk, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(note, (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("notes")[0].GetString());
    }

    [Fact]
    public async Task A_good_excel_import_writes_every_row_with_its_source_and_who_entered_it()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        using var file = new MemoryStream();
        await file.SaveAsAsync(new[]
        {
            new { indicator = "genai_filings", scope = "city:zhuhai", year = 2042, value = 4, source = "CAC notice 2042-01" },
            new { indicator = "genai_filings", scope = "city:zhongshan", year = 2042, value = 2, source = "CAC notice 2042-01" },
        }, cancellationToken: Token);
        var content = new ByteArrayContent(file.ToArray());
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var response = await office.Client.PostAsync("/api/v1/index/observations/import", content, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/observations/genai_filings/city:zhuhai/2042", Token);
        var only = history.EnumerateArray().Single();
        Assert.Equal("CAC notice 2042-01", only.GetProperty("source").GetString());
        Assert.Equal("import", only.GetProperty("channel").GetString());
        Assert.StartsWith("OfficeStaff", only.GetProperty("enteredBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_adds_a_version_and_keeps_the_old_value_in_the_history()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await PostAsync(office, "algorithm_filings", "city:shantou", 2043, 7);
        await PostAsync(office, "algorithm_filings", "city:shantou", 2043, 8, note: "late batch added");

        var history = (await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/observations/algorithm_filings/city:shantou/2043", Token)).EnumerateArray().ToList();

        Assert.Equal([(2, 8m), (1, 7m)], history.Select(h => (h.GetProperty("version").GetInt32(), h.GetProperty("value").GetDecimal())));
        var current = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/observations?indicator=algorithm_filings&scope=city:shantou", Token);
        Assert.Equal(8m, current.EnumerateArray().Single(f => f.GetProperty("year").GetInt32() == 2043).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task City_staff_enter_values_for_their_own_city_only_and_their_drafts_stay_private()
    {
        var city = await app.CreateUserAsync(Roles.CityStaff); // the fixture's organisations are in Guangzhou
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var own = await PostAsync(city, "ai_models", "city:guangzhou", 2044, 12, publish: false);
        var other = await PostAsync(city, "ai_models", "city:shenzhen", 2044, 12);
        var notAllowed = await PostAsync(enterprise, "ai_models", "city:guangzhou", 2044, 12);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("city:shenzhen", await other.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        var publicHistory = await app.Anonymous().GetAsync("/api/v1/index/observations/ai_models/city:guangzhou/2044", Token);
        Assert.Equal(HttpStatusCode.NotFound, publicHistory.StatusCode);
        var ownHistory = await city.Client.GetFromJsonAsync<JsonElement>("/api/v1/index/observations/ai_models/city:guangzhou/2044", Token);
        Assert.Equal("draft", ownHistory.EnumerateArray().Single().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Live_counts_move_when_a_source_changes()
    {
        var source = app.Services.GetRequiredService<FakeLiveIndicatorSource>();
        source.Answer(new LiveObservation("industry_datasets", "city:guangzhou", 2045, 3, "test: datasets"), new LiveObservation("industry_datasets", "city:shenzhen", 2045, 4, "test: datasets"));
        Assert.Equal(7m, await ProvinceValueAsync("industry_datasets", 2045));

        source.Answer(new LiveObservation("industry_datasets", "city:guangzhou", 2045, 5, "test: datasets"), new LiveObservation("industry_datasets", "city:shenzhen", 2045, 4, "test: datasets"));
        Assert.Equal(9m, await ProvinceValueAsync("industry_datasets", 2045));
        source.Answer();
    }

    [Fact]
    public async Task A_published_scenario_counted_live_moves_the_progress_of_its_target()
    {
        var source = app.Services.GetRequiredService<FakeLiveIndicatorSource>();
        var policy = app.Services.GetRequiredService<FakePolicyQueries>();
        // Guangzhou's 2026 work points: at least 20 elder-care scenarios published within the year.
        policy.Answer(TestTargets.Of("ai_elderly_care_scenarios", 20, 2026, TargetCounting.PerPeriod, scope: "city:guangzhou", comparator: Comparator.AtLeast));
        try
        {
            source.Answer(new LiveObservation("ai_elderly_care_scenarios", "city:guangzhou", 2026, 5, "test: scenarios", "elder_care"));
            var before = await GuangzhouElderCareAsync();
            source.Answer(new LiveObservation("ai_elderly_care_scenarios", "city:guangzhou", 2026, 6, "test: scenarios", "elder_care"));
            var after = await GuangzhouElderCareAsync();

            Assert.Equal((5m, 6m), (before.GetProperty("latest").GetDecimal(), after.GetProperty("latest").GetDecimal()));
            Assert.Equal(20m, after.GetProperty("goal").GetDecimal());
            Assert.Equal("test: scenarios", after.GetProperty("latestSource").GetString());
        }
        finally
        {
            source.Answer();
            policy.Answer();
        }
    }

    [Fact]
    public async Task The_dashboard_shows_live_scenarios_by_sector_against_their_quota()
    {
        var source = app.Services.GetRequiredService<FakeLiveIndicatorSource>();
        var policy = app.Services.GetRequiredService<FakePolicyQueries>();
        // Guangzhou's 2026 work points: at least 70 manufacturing scenarios.
        policy.Answer(TestTargets.Of("ai_manufacturing_scenarios", 70, 2026, TargetCounting.PerPeriod, scope: "city:guangzhou", comparator: Comparator.AtLeast));
        try
        {
            source.Answer(new LiveObservation("ai_manufacturing_scenarios", "city:guangzhou", 2026, 12, "test: published scenarios", "manufacturing"));

            var html = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/empowerment-index?year=2026", Token));

            var table = html[html.IndexOf("<table class=\"data scenarios\">", StringComparison.Ordinal)..];
            Assert.Contains("test: published scenarios", table, StringComparison.Ordinal);
            Assert.Contains("≥ 70", table, StringComparison.Ordinal); // the quota the fake of Policy answers, worded by Policy's TargetText
        }
        finally
        {
            source.Answer();
            policy.Answer();
        }
    }

    [Fact]
    public async Task The_index_for_a_year_is_reproducible_and_one_city_checks_by_hand()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var cities = Kernel.Geography.GuangdongCities.All;
        // Filings = 10 × (i mod 7) + i, entities = 50 + 3 × (5i mod 11): neither is skewed enough for a log transform.
        var rows = string.Join("\n", cities.Select((c, i) => $"algorithm_filings,city:{c.Slug},2031,{(10 * (i % 7)) + i},hand check\nfiling_entities,city:{c.Slug},2031,{50 + (3 * (5 * i % 11))},hand check"));
        var imported = await office.Client.PostAsync("/api/v1/index/observations/import?format=csv", new StringContent("indicator,scope,year,value,source\n" + rows, Encoding.UTF8, "text/csv"), Token);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var first = await app.Anonymous().GetStringAsync("/api/v1/index?year=2031", Token);
        var second = await app.Anonymous().GetStringAsync("/api/v1/index?year=2031", Token);
        Assert.Equal(first, second);

        var index = JsonDocument.Parse(first).RootElement;
        Assert.Equal(21, index.GetProperty("cities").GetArrayLength());
        var shenzhen = index.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("city").GetString() == "shenzhen");
        // Shenzhen (i = 1): filings 11 on a 0..80 range = 13.75 (model cultivation); entities 65 on 50..80 = 50
        // (market entities); equal weights, arithmetic mean of the two pillars.
        Assert.Equal(13.75, shenzhen.GetProperty("pillars").GetProperty("model_cultivation").GetDouble(), 6);
        Assert.Equal(50, shenzhen.GetProperty("pillars").GetProperty("market_entities").GetDouble(), 6);
        Assert.Equal((13.75 + 50) / 2, shenzhen.GetProperty("score").GetDouble(), 6);
        var interval = shenzhen.GetProperty("rankInterval");
        Assert.InRange(shenzhen.GetProperty("rank").GetInt32(), 1, 21);
        Assert.True(interval.GetProperty("low").GetInt32() <= interval.GetProperty("high").GetInt32());

        var trace = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/cities/shenzhen?year=2031", Token);
        var filings = trace.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("indicator").GetString() == "algorithm_filings");
        Assert.Equal(11m, filings.GetProperty("figure").GetProperty("value").GetDecimal());
        Assert.Equal("hand check", filings.GetProperty("figure").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Office_weights_change_the_scores_and_others_may_not_set_them()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var city = await app.CreateUserAsync(Roles.CityStaff);
        var body = new { pillars = new Dictionary<string, double> { ["market_entities"] = 3 } };
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await city.Client.PutAsJsonAsync("/api/v1/index/weights", body, Token)).StatusCode);
            var bad = await office.Client.PutAsJsonAsync("/api/v1/index/weights?culture=zh-CN", new { pillars = new Dictionary<string, double> { ["market_entities"] = -1 } }, Token);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("权重应为 0 至 100 之间的数。",
                (await bad.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("pillar:market_entities")[0].GetString());
            Assert.Equal(HttpStatusCode.NoContent, (await office.Client.PutAsJsonAsync("/api/v1/index/weights", body, Token)).StatusCode);

            var weights = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/weights", Token);
            Assert.Equal(3, weights.GetProperty("pillars").GetProperty("market_entities").GetDouble());
        }
        finally
        {
            await office.Client.PutAsJsonAsync("/api/v1/index/weights", new { pillars = new Dictionary<string, double> { ["market_entities"] = 1 } }, Token);
        }
    }

    [Fact]
    public async Task The_export_is_a_workbook_of_indicators_observations_and_the_index()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/index/export.xlsx?year=2031&culture=en", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(["Indicators", "Observations", "Index 2031", "Trace"], stream.GetSheetNames());
        stream.Position = 0;
        Assert.Equal(IndicatorCatalog.All.Count, stream.Query(useHeaderRow: true, sheetName: "Indicators").Count());
    }

    [Fact]
    public async Task The_export_a_Chinese_reader_opens_has_Chinese_sheets_headers_and_demo_label()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IndexDb>();
            db.Observations.Add(new ObservationRecord
            {
                Id = Guid.NewGuid(), Indicator = "algorithm_filings", Scope = "city:yunfu", Year = 2047, Version = 1, Value = 2, Status = ObservationStatus.Published,
                Source = "demo", Invented = true, Channel = "demo", EnteredByName = "test", EnteredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Token);
        }

        var response = await app.Anonymous().GetAsync("/api/v1/index/export.xlsx?year=2047&culture=zh-CN", Token);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(["指标", "观测值", "2047年指数", "计算过程"], stream.GetSheetNames());
        stream.Position = 0;
        var indicator = stream.Query(useHeaderRow: true, sheetName: "指标").Cast<IDictionary<string, object?>>().First();
        Assert.Contains("单位", indicator.Keys);
        stream.Position = 0;
        var invented = Assert.Single(stream.Query(useHeaderRow: true, sheetName: "观测值").Cast<IDictionary<string, object?>>(),
            r => Equals(r["范围"], "city:yunfu") && Convert.ToInt32(r["年份"], System.Globalization.CultureInfo.InvariantCulture) == 2047);
        Assert.Equal("虚构（演示）", invented["虚构数据"]);
        Assert.Contains("填报时间（北京时间）", invented.Keys);
    }

    [Fact]
    public async Task The_export_a_Chinese_reader_opens_words_every_enum_and_code_column_in_Chinese()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var rows = string.Join("\n", Kernel.Geography.GuangdongCities.All.Take(12).Select((c, i) => $"algorithm_filings,city:{c.Slug},2048,{i + 1},enum check"));
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsync("/api/v1/index/observations/import?format=csv", new StringContent("indicator,scope,year,value,source\n" + rows, Encoding.UTF8, "text/csv"), Token)).StatusCode);

        var response = await app.Anonymous().GetAsync("/api/v1/index/export.xlsx?year=2048&culture=zh-CN", Token);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        // Each sheet's columns that hold an enum or a code the system wrote (not keys, scopes, sources or names).
        var coded = new Dictionary<string, string[]> { ["指标"] = ["方向", "频率", "范围", "维度"], ["观测值"] = ["录入渠道"], ["计算过程"] = ["维度", "是否计入", "出处", "证据等级"] };
        foreach (var (sheet, columns) in coded)
        {
            stream.Position = 0;
            var cells = stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .SelectMany(r => columns.Select(c => Convert.ToString(r[c], System.Globalization.CultureInfo.InvariantCulture) ?? "")).Where(v => v.Length > 0).ToList();
            Assert.NotEmpty(cells);
            var english = cells.Where(v => !v.Any(ch => ch is >= '\u4e00' and <= '\u9fff') || v.Contains(Kernel.Localization.UiText.MissingMarker, StringComparison.Ordinal)).Distinct().ToList();
            Assert.True(english.Count == 0, $"{sheet}: {string.Join(", ", english)}");
        }

        stream.Position = 0;
        var trace = stream.Query(useHeaderRow: true, sheetName: "计算过程").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(trace, r => Equals(r["出处"], "填报的观测值") && Equals(r["是否计入"], "是"));
    }

    [Fact]
    public async Task A_bad_export_year_is_told_in_Chinese()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/index/export.xlsx?year=1999&culture=zh-CN", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请填写 2000 至 2100 之间的年份。", (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("year")[0].GetString());
    }

    [Fact]
    public async Task The_export_writes_when_an_observation_was_entered_in_China_Standard_Time_with_its_offset()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        Assert.True((await PostAsync(office, "algorithm_filings", "city:shanwei", 2046, 5)).IsSuccessStatusCode);

        var response = await app.Anonymous().GetAsync("/api/v1/index/export.xlsx?year=2046&culture=en", Token);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        var rows = stream.Query(useHeaderRow: true, sheetName: "Observations").Cast<IDictionary<string, object?>>()
            .Where(r => Equals(r["Scope"], "city:shanwei") && Convert.ToInt32(r["Year"], System.Globalization.CultureInfo.InvariantCulture) == 2046).ToList();
        var enteredAt = Assert.Single(rows)["Entered at (China Standard Time)"]?.ToString();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", enteredAt);
        var instant = DateTimeOffset.Parse(enteredAt!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((DateTimeOffset.UtcNow - instant).Duration() < TimeSpan.FromMinutes(5), $"{enteredAt} is the moment it was entered");
    }

    [Fact]
    public async Task Pages_of_a_year_without_any_data_still_render()
    {
        foreach (var path in new[] { "/empowerment-index?year=2090", "/empowerment-index/cities/yunfu?year=2090", "/empowerment-index/report?year=2090", "/api/v1/index?year=2090" })
        {
            var response = await app.Anonymous().GetAsync(path, Token);
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}");
        }

        // With no data every indicator is left out, and the list reads the way Chinese is written.
        var dashboard = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/empowerment-index?year=2090&culture=zh-CN", Token));
        Assert.Matches("本年未纳入计算的指标：[^<]+（[^<]+）、[^<]+（", dashboard);
    }

    [Fact]
    public async Task A_bad_year_or_method_is_a_problem_naming_the_field()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/index?year=1900&normalisation=median&culture=zh-CN", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.Equal("请填写 2000 至 2100 之间的年份。", errors.GetProperty("year")[0].GetString());
        Assert.Equal("“median”不是可用的标准化方法，请用 min_max、z_score 或 distance_to_target。", errors.GetProperty("normalisation")[0].GetString());
    }

    [Fact]
    public async Task After_a_change_the_index_is_recomputed_in_the_background_before_anyone_asks()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var snapshots = app.Services.GetRequiredService<Funeng.Index.Scoring.IndexSnapshots>();
        var before = snapshots.Computations;

        Assert.True((await PostAsync(office, "algorithm_filings", "city:zhaoqing", DateTime.UtcNow.Year, 31)).IsSuccessStatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (snapshots.Computations == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Token);
        }

        Assert.True(snapshots.Computations > before, "the refresher computed the index without a request");
    }

    private static Task<HttpResponseMessage> PostAsync(ActingUser user, string indicator, string scope, int year, decimal value, bool publish = true, string? note = null) =>
        user.Client.PostAsJsonAsync("/api/v1/index/observations", new { indicator, scope, year, value, source = "test report", publish, note }, Token);

    private async Task<decimal> ProvinceValueAsync(string indicator, int year)
    {
        var figures = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/index/observations?indicator={indicator}&scope=province", Token);
        return figures.EnumerateArray().Single(f => f.GetProperty("year").GetInt32() == year).GetProperty("value").GetDecimal();
    }

    private async Task<JsonElement> GuangzhouElderCareAsync()
    {
        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/index/progress?scope=city:guangzhou", Token);
        return progress.EnumerateArray().Single(p => p.GetProperty("indicator").GetString() == "ai_elderly_care_scenarios");
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IndexDb>().Observations.CountAsync(Token);
    }
}

public sealed class IndexApiOnSqlite(IndexSqliteApp app) : IndexApiTests(app), IClassFixture<IndexSqliteApp>;

public sealed class IndexApiOnPostgres(IndexPostgresApp app) : IndexApiTests(app), IClassFixture<IndexPostgresApp>;
