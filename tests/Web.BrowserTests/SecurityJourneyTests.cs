using Funeng.Kernel.Security;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>Issue 15 in a real browser: the CSP blocks nothing the pages need, and the header's logout button works.</summary>
[Trait("Category", "Browser")]
public sealed class SecurityJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Bug_15_the_header_logout_button_signs_the_user_out()
    {
        var user = await app.CreateUserAsync(Roles.Enterprise);
        var page = await app.SignInAsync(user);
        await page.GotoAsync("/catalog");
        Assert.Equal(1, await page.Locator("[data-testid=account-name]").CountAsync());

        await page.ClickAsync("[data-testid=logout-form] button");
        await BrowserApp.ArriveAsync(page, "/");
        Assert.Equal(1, await page.Locator("[data-testid=login-link]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=account-name]").CountAsync());
    }

    [Fact]
    public async Task The_pages_run_under_the_content_security_policy_without_violations()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var page = await app.SignInAsync(office);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        foreach (var path in new[] { "/", "/policy", "/scenarios", "/catalog", "/incentives", "/compute", "/compute/simulations", "/empowerment-index", "/account/tokens", "/account/users", "/account/audit" })
        {
            // Network idle, so that a late script's violation is counted; waited for by the navigation itself (see ArriveAsync).
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
