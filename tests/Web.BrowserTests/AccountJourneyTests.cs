using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>Real people get in: an organisation registers, the office verifies it, colleagues join by mail, a forgotten password is reset.</summary>
[Trait("Category", "Browser")]
public sealed class AccountJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task An_organisation_registers_the_office_verifies_it_and_its_administrator_invites_a_colleague_who_sets_a_password_from_the_mail(string culture)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.cn";
        var name = $"广州旅程测试科技有限公司{Guid.NewGuid():N}"[..24];

        var admin = await app.NewPageAsync();
        await admin.GotoAsync($"/culture/{culture}?returnUrl=/");
        await admin.ClickAsync("[data-testid=register-link]");
        await admin.FillAsync("#nameZh", name);
        await admin.SelectOptionAsync("#kind", "Enterprise");
        await admin.SelectOptionAsync("#citySlug", "guangzhou");
        await admin.FillAsync("#creditCode", "91440300708461136X");
        await admin.FillAsync("#contactName", "陈晓");
        await admin.FillAsync("#contactEmail", adminEmail);
        await admin.FillAsync("#password", "Journey-pass-1a");
        await admin.ClickAsync("main button[type=submit]");
        await admin.WaitForSelectorAsync(".error-summary a[href='#creditCode']");
        Assert.Equal(name, await admin.InputValueAsync("#nameZh")); // what was typed is kept
        await admin.FillAsync("#creditCode", TestCreditCodes.New());
        await admin.FillAsync("#password", "Journey-pass-1a");
        await admin.ClickAsync("main button[type=submit]");
        await admin.WaitForSelectorAsync("[data-testid=registered]");
        await AssertCompleteAsync(admin, $"register-done-{culture}");

        await admin.GotoAsync(TestMailbox.Link(await app.Mailbox.WaitForAsync(adminEmail), "/account/confirm-email"));
        await admin.WaitForSelectorAsync("[data-testid=confirmed]");
        await SignInAsync(admin, adminEmail, "Journey-pass-1a");
        await admin.WaitForSelectorAsync("[data-testid=awaiting-verification]");
        await AssertCompleteAsync(admin, $"workbench-unverified-{culture}");

        var staff = await app.NewPageAsync();
        await staff.GotoAsync($"/culture/{culture}?returnUrl=/");
        await SignInAsync(staff, office.Email, office.Password);
        Assert.EndsWith("/workbench", staff.Url, StringComparison.Ordinal);
        await staff.ClickAsync("[data-testid=waiting] a[href='/account/organisations']");
        var card = staff.Locator("[data-testid=waiting-organisation]", new PageLocatorOptions { HasText = name });
        await card.Locator("textarea").FillAsync("国家企业信用信息公示系统：名称与代码一致，存续");
        await card.Locator("button[value=true]").ClickAsync();
        await staff.WaitForSelectorAsync("[data-testid=verification-saved]");
        await AssertCompleteAsync(staff, $"office-verified-{culture}");

        await admin.GotoAsync("/workbench");
        Assert.Equal(0, await admin.Locator("[data-testid=awaiting-verification]").CountAsync());
        Assert.Contains(culture == "en" ? "Enterprise" : "企业", await admin.InnerTextAsync("[data-testid=workbench-roles]"), StringComparison.Ordinal);
        await admin.GotoAsync("/account/colleagues");
        var colleagueEmail = $"colleague-{Guid.NewGuid():N}@example.cn";
        await admin.FillAsync("#invite-email", colleagueEmail);
        await admin.FillAsync("#invite-name", "林工");
        await admin.CheckAsync(".invite-form input[name=roles][value=Enterprise]");
        await admin.ClickAsync(".invite-form button[type=submit]");
        await admin.WaitForSelectorAsync("[data-testid=colleagues-saved]");
        Assert.Contains(colleagueEmail, await admin.InnerTextAsync("table.data"), StringComparison.Ordinal);
        await AssertCompleteAsync(admin, $"colleague-invited-{culture}");

        var colleague = await app.NewPageAsync();
        await colleague.GotoAsync($"/culture/{culture}?returnUrl=/");
        await colleague.GotoAsync(TestMailbox.Link(await app.Mailbox.WaitForAsync(colleagueEmail), "/account/set-password"));
        await colleague.FillAsync("#password", "Colleague-pass-1a");
        await colleague.ClickAsync("main button[type=submit]");
        await colleague.WaitForSelectorAsync("[data-testid=password-set]");
        await SignInAsync(colleague, colleagueEmail, "Colleague-pass-1a");
        Assert.EndsWith("/workbench", colleague.Url, StringComparison.Ordinal);
        Assert.Contains("林工", await colleague.InnerTextAsync("[data-testid=workbench-roles]"), StringComparison.Ordinal);
        await AssertCompleteAsync(colleague, $"colleague-workbench-{culture}");
    }

    [Fact]
    public async Task A_person_who_forgot_the_password_sets_a_new_one_from_the_mail_and_signs_in()
    {
        var user = await app.CreateUserAsync(Roles.Expert);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.ClickAsync("[data-testid=forgot-link]");
        await page.FillAsync("#email", user.Email);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=reset-sent]");

        await page.GotoAsync(TestMailbox.Link(await app.Mailbox.WaitForAsync(user.Email), "/account/set-password"));
        await page.FillAsync("#password", "Remembered-now-9z");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=password-set]");
        await SignInAsync(page, user.Email, "Remembered-now-9z");
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
        await AssertCompleteAsync(page, "password-reset-workbench");
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await BrowserApp.SignInAsync(page, email, password);
        await page.WaitForURLAsync(url => url.Contains("/workbench", StringComparison.Ordinal));
    }

    private static async Task AssertCompleteAsync(IPage page, string screenshot)
    {
        Assert.DoesNotContain("⟦", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "account-" + screenshot);
    }
}
