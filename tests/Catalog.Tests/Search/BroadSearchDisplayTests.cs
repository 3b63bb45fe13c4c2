using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Catalog.Tests.Search;

/// <summary>The app with budgets of four hits, so that a dozen imported listings make a broad query.</summary>
public sealed class SmallBudgetApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Catalog:SearchCandidates"] = "4",
        // Twelve: the first pass counts the dozen hits exactly; each segment facets only its share of the twelve.
        ["Catalog:FacetSample"] = "12",
        ["Catalog:SearchRankAllBelow"] = "0",
    };
}

/// <summary>Issue 12, item 5: the API and the catalog page say when a total is a lower bound and facet counts are estimates.</summary>
public sealed class BroadSearchDisplayTests(SmallBudgetApp app) : IClassFixture<SmallBudgetApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_broad_query_says_more_than_its_total_and_about_its_facet_counts_while_a_narrow_one_is_exact()
    {
        await ImportAsync(
            Enumerable.Range(0, 12).Select(i => ("dataset", $"伶仃洋潮位数据集{i}", $"珠海海洋数据{i}号公司", "zhuhai"))
                .Append(("dataset", "横琴红树林监测数据集", "横琴生态数据公司", "zhuhai")));

        var broad = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("潮位"));
        Assert.True(broad.GetProperty("totalCapped").GetBoolean());
        Assert.True(broad.GetProperty("facetsApproximate").GetBoolean());
        Assert.Equal(12, broad.GetProperty("matched").GetInt32());
        var page = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("潮位"), Token));
        Assert.Contains("约 12 条结果", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"facets-approximate\"", page, StringComparison.Ordinal);
        Assert.Contains("(约 ", page, StringComparison.Ordinal);

        var narrow = await app.Anonymous().SearchAsync("q=" + Uri.EscapeDataString("红树林"));
        Assert.False(narrow.GetProperty("totalCapped").GetBoolean());
        Assert.False(narrow.GetProperty("facetsApproximate").GetBoolean());
        Assert.Equal(1, narrow.GetProperty("matched").GetInt32());
        var narrowPage = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync("/catalog?q=" + Uri.EscapeDataString("红树林"), Token));
        Assert.Contains("共 1 条结果", narrowPage, StringComparison.Ordinal);
        Assert.DoesNotContain("(约 ", narrowPage, StringComparison.Ordinal);
    }

    private async Task ImportAsync(IEnumerable<(string Type, string Title, string Owner, string City)> rows)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var source = "test-" + Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("type,source,source_id,owner_name_zh,owner_credit_code,owner_city,title_zh,title_en,summary_zh,city,sectors,publisher,licence,access_level,category\n");
        var row = 0;
        foreach (var (type, title, owner, city) in rows)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{type},{source},r{row++},{owner},,{city},{title},,,{city},energy,{owner},CC-BY-4.0,open,\n");
        }

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "listings.csv");
        var response = await office.Client.PostAsync("/api/v1/catalog/imports", form, Token);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
    }
}
