using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Catalog.Tests.Import;

/// <summary>Imports over HTTP: all or nothing, re-import updates, real data lands in search.</summary>
public abstract class ImportApiTests(ITestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Header = "type,source,source_id,owner_name_zh,owner_credit_code,owner_city,title_zh,title_en,summary_zh,city,sectors,publisher,licence,access_level,category\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string name = "listings.csv", string? culture = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/v1/catalog/imports" + (culture is null ? "" : "?culture=" + culture), form, Token);
    }

    private async Task<int> CountAsync(string source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogDb>().Listings.CountAsync(l => l.Source == source, Token);
    }

    [Fact]
    public async Task The_problems_of_a_bad_row_are_told_to_a_Chinese_reader_in_Chinese()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var source = "test-" + Guid.NewGuid().ToString("N")[..8];
        var csv = Header + $"robot,{source},,,91440300708461136A,atlantis,机器人,Robot,,zhuhai,energy,,,,\n";

        var response = await UploadAsync(office.Client, csv, culture: "zh-CN");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("column").GetString()!, e => e.GetProperty("message").GetString());
        Assert.StartsWith("“robot”不是以下类型之一：", errors["type"], StringComparison.Ordinal);
        Assert.Equal("必填。", errors["owner_name_zh"]);
        Assert.Equal("不是有效的统一社会信用代码：校验码（第 18 位）为“A”，应为“T”。", errors["owner_credit_code"]);
        Assert.Equal("“atlantis”不是广东省的地市（请填写地市代码如 shenzhen，或中文名称）。", errors["owner_city"]);
    }

    [Fact]
    public async Task An_import_with_one_bad_row_names_row_and_column_and_writes_nothing()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var source = "test-" + Guid.NewGuid().ToString("N")[..8];
        var csv = Header +
            $"dataset,{source},d1,珠海海洋数据公司,,zhuhai,伶仃洋水文数据集,Lingdingyang hydrology,潮位与盐度,zhuhai,energy,珠海海洋数据公司,CC-BY-4.0,open,\n" +
            $"terminal_product,{source},t1,东莞终端公司,,dongguan,陪护机器人,Care robot,,dongguan,elder_care,,,,robot\n" +
            $"dataset,{source},d2,珠海海洋数据公司,,zhuhai,坏数据集,Bad dataset,,zhuhai,energy,珠海海洋数据公司,CC-BY-4.0,secret,\n";

        var response = await UploadAsync(office.Client, csv);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var error = Assert.Single(result.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("row").GetInt32());
        Assert.Equal("access_level", error.GetProperty("column").GetString());
        Assert.Equal(0, await CountAsync(source));
        Assert.Empty(await app.Anonymous().HitIdsAsync("q=伶仃洋"));
    }

    [Fact]
    public async Task A_reimport_updates_the_same_listings_instead_of_adding_copies()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var source = "test-" + Guid.NewGuid().ToString("N")[..8];
        string Csv(string title) => Header + $"terminal_product,{source},t1,江门终端公司,91440300708461136T,jiangmen,{title},Smart wheelchair,,jiangmen,elder_care,,,,care_rehab\n";

        var first = await (await UploadAsync(office.Client, Csv("智能轮椅"))).Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(1, first.GetProperty("listingsAdded").GetInt32());
        var second = await (await UploadAsync(office.Client, Csv("智能轮椅二代"))).Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(1, second.GetProperty("listingsUpdated").GetInt32());

        Assert.Equal(1, await CountAsync(source));
        var id = Assert.Single(await app.Anonymous().HitIdsAsync("q=智能轮椅&type=terminal_product&city=jiangmen"));
        var view = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/catalog/listings/{id}", Token);
        Assert.Equal("智能轮椅二代", view.GetProperty("listing").GetProperty("summary").GetProperty("titleZh").GetString());
        Assert.Equal(2, view.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task Only_office_staff_import()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(enterprise.Client, Header)).StatusCode);
    }

    [Fact]
    public async Task The_real_LLM_list_imports_as_large_models_found_with_their_company_and_exported_as_model_cards()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var path = Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData", "awesome-llms-in-china", "llms_in_china.csv");
        var response = await UploadAsync(office.Client, await File.ReadAllTextAsync(path, Token), "llms_in_china.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var hits = (await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("文心一言"))).GetProperty("hits");
        var hit = hits.EnumerateArray().First(h => h.GetProperty("titleZh").GetString() == "文心一言");
        Assert.Equal("百度", hit.GetProperty("ownerNameZh").GetString());
        var card = await app.Anonymous().GetStringAsync($"/api/v1/catalog/listings/{hit.GetProperty("id").GetGuid()}/model-card", Token);
        Assert.StartsWith("# 文心一言", card, StringComparison.Ordinal);
        Assert.Contains("## Intended use", card, StringComparison.Ordinal);
    }
}

public sealed class ImportApiOnSqlite(CatalogSqliteApp app) : ImportApiTests(app), IClassFixture<CatalogSqliteApp>;

public sealed class ImportApiOnPostgres(CatalogPostgresApp app) : ImportApiTests(app), IClassFixture<CatalogPostgresApp>;
