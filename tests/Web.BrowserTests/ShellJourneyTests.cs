using Funeng.Kernel.Security;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

[Trait("Category", "Browser")]
public sealed class ShellJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_user_logs_in_switches_to_English_and_reads_a_target()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        var compute2027 = page.Locator("[data-target='gd-compute-eflops-2027']");
        Assert.Equal("> 60 EFLOPS", await compute2027.Locator(".card-value").InnerTextAsync());
        Assert.Contains("全省算力规模", await compute2027.InnerTextAsync(), StringComparison.Ordinal);

        await page.ClickAsync("[data-testid=login-link]");
        await page.FillAsync("#Email", user.Email);
        await page.FillAsync("#Password", user.Password);
        await page.ClickAsync("button[type=submit]");
        await BrowserApp.ArriveAsync(page, at => at.AbsolutePath != "/account/login");
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal); // every role lands on its workbench
        Assert.Contains("Enterprise", await page.InnerTextAsync("[data-testid=account-name]"), StringComparison.Ordinal);
        await page.GotoAsync("/");

        await page.ClickAsync("[data-testid=switch-en]");
        await page.WaitForSelectorAsync("html[lang=en]");
        var card = page.Locator("[data-target='gd-compute-eflops-2027']");
        Assert.Contains("Provincial computing power", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Overall objectives", await card.Locator(".card-source").InnerTextAsync(), StringComparison.Ordinal);
        var core = page.Locator("[data-target='gd-core-ai-industry-2027'] .card-value");
        Assert.Equal("> RMB 440 bn", await core.InnerTextAsync());
        await BrowserApp.ScreenshotAsync(page, "home-en");
    }

    [Fact]
    public async Task Every_shell_page_renders_in_both_languages_without_missing_strings()
    {
        var page = await app.NewPageAsync();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            foreach (var path in new[] { "/", "/policy", "/policy/targets?year=2027", "/policy/documents/gd-2024-ai-empowerment", "/scenarios", "/catalog", "/incentives", "/compute", "/empowerment-index", "/account/login" })
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{path} answered {response.Status}");
                var text = await page.InnerTextAsync("body");
                Assert.DoesNotContain("⟦", text, StringComparison.Ordinal);
                Assert.Equal(culture == "en" ? "en" : "zh-CN", await page.GetAttributeAsync("html", "lang"));
            }
        }
    }

    [Fact]
    public async Task The_targets_page_filters_by_city_without_javascript()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/policy/targets");
        await page.SelectOptionAsync("#scope", "city:guangzhou");
        await page.ClickAsync("form.filters button[type=submit]");
        var rows = await page.Locator("table.targets tbody tr").AllInnerTextsAsync();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Contains("2026", r, StringComparison.Ordinal));
    }
}
