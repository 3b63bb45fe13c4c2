using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Exports;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Catalog.Tests.Exports;

/// <summary>Issue 15's findings on the exports: the DCAT links and the model card's raw HTML.</summary>
public sealed class ExportSecurityTests(ExportSecurityTests.App app) : IClassFixture<ExportSecurityTests.App>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The app with a configured public address.</summary>
    public sealed class App : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "https://funeng.example.gov.cn" };
    }

    [Fact]
    public async Task Bug_15_the_dcat_export_names_the_configured_site_not_the_host_header()
    {
        var owner = await app.CreateUserAsync(Roles.Enterprise);
        var id = await owner.Client.CreateAsync(new
        {
            type = "dataset",
            titleZh = "养老床位数据",
            titleEn = "Elder-care beds",
            summaryZh = "",
            summaryEn = "",
            citySlug = "guangzhou",
            sectors = new[] { "elder_care" },
            keywords = Array.Empty<string>(),
            attributes = new Dictionary<string, string> { ["publisher"] = "广州市民政局", ["licence"] = "CC-BY-4.0", ["access_level"] = "open" },
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/catalog/listings/{id}/dcat");
        request.Headers.Host = "evil.example";
        var response = await owner.Client.SendAsync(request, Token);
        response.EnsureSuccessStatusCode();
        var dcat = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal($"https://funeng.example.gov.cn/catalog/listings/{id}", dcat.GetProperty("@id").GetString());
        Assert.DoesNotContain("evil.example", dcat.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_15_the_model_card_passes_no_raw_html()
    {
        var summary = new ListingSummary(Guid.NewGuid(), ListingType.LargeModel, ListingStatus.Published, Guid.NewGuid(),
            "模型<script>alert(1)</script>", "Model\n## Injected section", "<img src=x onerror=alert(1)>", "", "guangzhou", [], 1, DateTimeOffset.UtcNow);
        var listing = new ListingDetail(summary, [], new Dictionary<string, string> { ["intended_use"] = "<iframe src=//evil.example></iframe> & more", ["licence"] = "<b>MIT</b>" }, null, null);

        var card = ExportListing.ModelCard(listing, null);

        Assert.DoesNotContain("<", card, StringComparison.Ordinal);
        Assert.DoesNotContain(">", card.Replace("&gt;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", card, StringComparison.Ordinal);
        Assert.Contains("&lt;iframe src=//evil.example&gt;&lt;/iframe&gt; &amp; more", card, StringComparison.Ordinal);
        Assert.DoesNotContain("\n## Injected section", card, StringComparison.Ordinal);
    }
}
