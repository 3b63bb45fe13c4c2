using Funeng.Kernel.Security;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

[Trait("Category", "Browser")]
public sealed class PlatformJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Office_staff_give_a_user_a_role_and_find_the_change_in_the_audit_log()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var newcomer = await app.CreateUserAsync(Roles.Enterprise);
        var page = await app.NewPageAsync();
        await SignInAsync(page, office.Email, office.Password);

        await page.GotoAsync("/account/users");
        var row = page.Locator("tr", new PageLocatorOptions { HasText = newcomer.Email });
        await row.Locator($"input[value={Roles.ScenarioOwner}]").CheckAsync();
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync(".notice.success");
        Assert.True(await page.Locator("tr", new PageLocatorOptions { HasText = newcomer.Email }).Locator($"input[value={Roles.ScenarioOwner}]").IsCheckedAsync());

        await page.GotoAsync("/culture/en?returnUrl=/account/audit");
        Assert.Contains("The hash chain is intact", await page.InnerTextAsync("[data-testid=audit-status]"), StringComparison.Ordinal);
        Assert.Contains(newcomer.Email, await page.InnerTextAsync("table.data"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_user_cannot_open_the_office_pages()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var page = await app.NewPageAsync();
        await SignInAsync(page, enterprise.Email, enterprise.Password);
        await page.GotoAsync("/account/users");
        Assert.EndsWith("/account/access-denied", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    private static Task SignInAsync(IPage page, string email, string password) => BrowserApp.SignInAsync(page, email, password);
}
