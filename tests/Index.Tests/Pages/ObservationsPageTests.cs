using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using MiniExcelLibs;

namespace Funeng.Index.Tests.Pages;

/// <summary>The reporting form on Index alone: what it confirms and what it writes are in the reader's language.</summary>
public sealed class ObservationsPageTests(IndexSqliteApp app) : IClassFixture<IndexSqliteApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_a_value_ends_with_a_notice_naming_indicator_city_year_and_version_in_the_readers_language()
    {
        var city = await app.CreateUserAsync(Roles.CityStaff); // the fixture's organisations are in Guangzhou

        var saved = await PostAsync(city.Client, "/empowerment-index/observations", ("Indicator", "ai_models"), ("Scope", "city:guangzhou"), ("Year", "2061"),
            ("Value", "5"), ("Source", "市工信局报告"), ("Publish", "false"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await city.Client.GetStringAsync("/empowerment-index/observations?culture=zh-CN", Token));
        Assert.Contains("role=\"status\" data-testid=\"notice\">已保存：培育人工智能模型 · 广州 · 2061 年 · 第 1 版。<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_draft_notes_it_in_the_words_of_whoever_reads_the_export()
    {
        var city = await app.CreateUserAsync(Roles.CityStaff);
        await PostAsync(city.Client, "/empowerment-index/observations", ("Indicator", "ai_models"), ("Scope", "city:guangzhou"), ("Year", "2062"),
            ("Value", "7"), ("Source", "市工信局报告"), ("Publish", "false"));
        var draft = (await city.Client.GetFromJsonAsync<JsonElement>("/api/v1/index/observations/ai_models/city:guangzhou/2062", Token)).EnumerateArray().Single();

        var published = await PostAsync(city.Client, $"/empowerment-index/observations?handler=Publish&id={draft.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("由草稿发布", await ExportedNoteAsync(2062, "zh-CN", "观测值", "范围", "年份", "备注"));
        Assert.Equal("published from a draft", await ExportedNoteAsync(2062, "en", "Observations", "Scope", "Year", "Note"));
    }

    private async Task<string?> ExportedNoteAsync(int year, string culture, string sheet, string scope, string yearColumn, string note)
    {
        var workbook = await app.Anonymous().GetByteArrayAsync($"/api/v1/index/export.xlsx?year={year}&culture={culture}", Token);
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .Single(r => Equals(r[scope], "city:guangzhou") && Convert.ToInt32(r[yearColumn], System.Globalization.CultureInfo.InvariantCulture) == year)[note]?.ToString();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = CookieSignIn.AntiforgeryToken(await client.GetStringAsync("/empowerment-index/observations", Token));
        return await client.PostAsync(path, new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]), Token);
    }
}
