using Funeng.Index.Demo;
using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

[Trait("Category", "Browser")]
public sealed class IndexJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>A page with a longer timeout: the dashboard computes 1,000 sensitivity draws per view on a shared CI machine.</summary>
    private async Task<IPage> NewPageAsync()
    {
        var page = await app.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        return page;
    }

    private async Task SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetServices<IDemoSeeder>().OfType<IndexDemoSeeder>().Single();
        await seeder.SeedAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_visitor_opens_the_dashboard_switches_the_year_and_reads_a_city_rank_and_interval()
    {
        await SeedAsync();
        var page = await NewPageAsync();
        await page.GotoAsync("/culture/en?returnUrl=/empowerment-index");

        Assert.Contains("invented", await page.InnerTextAsync("[data-testid=invented-notice]"), StringComparison.Ordinal);
        var compute2027 = page.Locator("tr[data-target='gd-compute-eflops-2027']");
        Assert.Contains("> 60 EFLOPS", await compute2027.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("At risk", await compute2027.Locator("[data-testid=status]").InnerTextAsync());
        await page.WaitForSelectorAsync("[data-chart=ranking] canvas");
        // For the README: the headline targets and the ranking chart with its rank intervals.
        var chart = await page.Locator("[data-chart=ranking]").BoundingBoxAsync();
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = chart!.Y + chart.Height + 16 },
        });

        await page.SelectOptionAsync("#year", "2024");
        await BrowserApp.ArriveAsync(page, at => at.Query.Contains("year=2024", StringComparison.Ordinal));
        var shenzhen = page.Locator("table.ranking tr[data-city=shenzhen]");
        Assert.Equal("1", await shenzhen.Locator("[data-testid=rank]").InnerTextAsync());
        var api = await (await page.APIRequest.GetAsync("/api/v1/index?year=2024")).JsonAsync();
        var expected = api!.Value.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("city").GetString() == "shenzhen").GetProperty("rankInterval");
        Assert.Equal($"{expected.GetProperty("low").GetInt32()}–{expected.GetProperty("high").GetInt32()}", await shenzhen.Locator("[data-testid=interval]").InnerTextAsync());
        Assert.Contains("City ranking, 2024", await page.InnerTextAsync("#ranking-title"), StringComparison.Ordinal);

        await shenzhen.Locator("a").ClickAsync();
        await BrowserApp.ArriveAsync(page, "/empowerment-index/cities/shenzhen");
        Assert.Equal("1 / 21", await page.InnerTextAsync("[data-testid=city-rank]"));
        Assert.Contains("CAC algorithm filing lists", await page.InnerTextAsync("table.trace"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task City_staff_save_a_draft_that_only_their_city_sees_and_the_ranking_reads_without_javascript()
    {
        var user = await app.CreateUserAsync(Roles.CityStaff);
        var page = await NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=/empowerment-index/observations");
        await page.FillAsync("#Email", user.Email);
        await page.FillAsync("#Password", user.Password);
        await page.ClickAsync("button[type=submit]");
        await BrowserApp.ArriveAsync(page, "/empowerment-index/observations");

        await page.SelectOptionAsync("#Indicator", "ai_models");
        await page.FillAsync("#Year", "2026");
        await page.FillAsync("#Value", "37");
        await page.FillAsync("#Source", "Guangzhou bureau report");
        await page.ClickAsync("[data-testid=observation-form] button[type=submit]");
        Assert.Contains("Guangzhou bureau report", await page.InnerTextAsync("[data-testid=drafts]"), StringComparison.Ordinal);
        Assert.Equal(["city:guangzhou"], await page.Locator("#Scope option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"));

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var anonymous = await context.NewPageAsync();
        anonymous.SetDefaultNavigationTimeout(90_000);
        await anonymous.GotoAsync("/empowerment-index/cities/guangzhou?year=2026");
        Assert.Equal(0, await anonymous.Locator("[data-testid=drafts]").CountAsync());
        await anonymous.GotoAsync("/empowerment-index?year=2026");
        Assert.Equal(21, await anonymous.Locator("table.ranking tbody tr").CountAsync());
    }
}
