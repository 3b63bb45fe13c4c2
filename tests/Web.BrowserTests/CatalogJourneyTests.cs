using Funeng.Catalog.Contracts;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

[Trait("Category", "Browser")]
public sealed class CatalogJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task ImportRealGenerativeAiFilingsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var path = Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData", "cac-genai-filings-guangdong", "genai_filings_guangdong.csv");
        var outcome = await scope.ServiceProvider.GetRequiredService<ICatalogCommands>().ImportAsync(path, null, TestContext.Current.CancellationToken);
        Assert.Empty(outcome.Problems);
    }

    private static Task LogInAsync(IPage page, ActingUser user) => BrowserApp.SignInAsync(page, user.Email, user.Password);

    [Fact]
    public async Task A_visitor_searches_in_Chinese_narrows_by_city_and_opens_a_result_without_javascript()
    {
        await ImportRealGenerativeAiFilingsAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/catalog");
        await page.FillAsync("#q", "大模型");
        await page.ClickAsync("form.filters button[type=submit]");
        var all = await page.Locator("[data-testid=hit]").CountAsync();
        Assert.True(all > 1, $"expected several hits, got {all}");

        await page.ClickAsync("[data-facet=city] a[data-value=shenzhen]");
        var hits = await page.Locator("[data-testid=hit] .card-kicker").AllInnerTextsAsync();
        Assert.NotEmpty(hits);
        Assert.All(hits, kicker => Assert.Contains("深圳", kicker, StringComparison.Ordinal));
        Assert.Contains("city=shenzhen", page.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "catalog-search");

        var title = await page.Locator("[data-testid=hit] h3 a").First.InnerTextAsync();
        await page.Locator("[data-testid=hit] h3 a").First.ClickAsync();
        Assert.Equal(title, await page.InnerTextAsync("h1"));
        Assert.Contains("深圳", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_submits_a_listing_and_office_staff_publish_it()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var page = await app.NewPageAsync();
        await LogInAsync(page, enterprise);

        await page.GotoAsync("/catalog/listings/edit?type=algorithm_product");
        await page.FillAsync("#titleZh", "长者夜间离床预警算法");
        await page.FillAsync("#titleEn", "Night bed-exit alert for elder care");
        await page.FillAsync("#summaryZh", "通过床垫传感器识别长者夜间离床并通知护理员。");
        await page.SelectOptionAsync("#citySlug", "foshan");
        await page.CheckAsync("input[name=sectors][value=elder_care]");
        await page.FillAsync("#attr-deployment", "edge");
        await page.ClickAsync("form.panel button[type=submit]");
        await BrowserApp.ArriveAsync(page, at => at.AbsolutePath.StartsWith("/catalog/listings/", StringComparison.Ordinal) && !at.AbsolutePath.Contains("edit", StringComparison.Ordinal));
        var listingUrl = page.Url;
        await page.ClickAsync("form[action*=Submit] button");
        Assert.Equal("待审核", await page.InnerTextAsync("[data-testid=status]"));

        var reviewer = await app.NewPageAsync();
        await LogInAsync(reviewer, office);
        await reviewer.GotoAsync("/catalog/review");
        await reviewer.ClickAsync("text=长者夜间离床预警算法");
        await reviewer.ClickAsync("form[action*=Publish] button");
        Assert.Equal("已发布", await reviewer.InnerTextAsync("[data-testid=status]"));
        await BrowserApp.ScreenshotAsync(reviewer, "catalog-published");

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/catalog?q=" + Uri.EscapeDataString("离床预警"));
        await visitor.ClickAsync("[data-testid=hit] h3 a");
        Assert.Equal(new Uri(listingUrl).AbsolutePath, new Uri(visitor.Url).AbsolutePath);
    }
}
