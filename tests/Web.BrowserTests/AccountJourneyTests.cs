using System.Net.Http.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// Real people get in and finish their work (issue 14): an organisation registers, the office verifies it, colleagues
/// join by mail, a colleague applies to a program from the calculator and follows the office's decision by receipt
/// number; a forgotten password is reset.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccountJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Champion = "single-champion-reward";

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task An_organisation_registers_is_verified_invites_a_colleague_who_applies_from_the_calculator_and_sees_the_offices_decision(string culture)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        // Setup, not the journey: the program needs a budget before anything can be approved under it.
        office.Client.BaseAddress = new Uri(app.BaseUrl); // the browser fixture serves real Kestrel, not the in-memory server
        (await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/{Champion}/parameters/annual_budget",
            new { value = 30_000_000m, effectiveFrom = "2025-01-01" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
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

        var receipt = await ApplyFromTheCalculatorAsync(colleague, culture);
        await ApproveFromTheWorkbenchAsync(staff, receipt, name, culture);

        // The applicant follows the application from the workbench, by its receipt number, to the decision.
        await colleague.GotoAsync("/workbench");
        await colleague.ClickAsync($"[data-testid=submitted] a[href='/incentives/applications/{receipt}']");
        await BrowserApp.ArriveAsync(colleague, $"/incentives/applications/{receipt}");
        Assert.Equal(culture == "en" ? "Approved" : "已批准", (await colleague.InnerTextAsync("#application-status")).Trim());
        Assert.Equal(["Submitted", "FoundComplete", "Approved"],
            await colleague.Locator("#application-steps tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.step)"));
        Assert.Contains("持有国家级单项冠军称号", await colleague.InnerTextAsync("main"), StringComparison.Ordinal); // the office's reasons
        await AssertCompleteAsync(colleague, $"application-decided-{culture}");
    }

    /// <summary>The colleague checks the champion program in the calculator and applies from its answer: the typed facts
    /// come along, the task list leads through check-your-answers to a receipt number.</summary>
    private static async Task<string> ApplyFromTheCalculatorAsync(IPage page, string culture)
    {
        await page.GotoAsync("/incentives");
        await page.SelectOptionAsync("form.facts select[name='f.untrustworthy']", "false");
        await page.SelectOptionAsync("form.facts select[name='q.code']", "national_single_champion");
        await page.FillAsync("form.facts input[name='q.from']", "2025-11-20");
        await page.ClickAsync("form.facts button[type=submit]");
        var champion = page.Locator($"tr[data-program='{Champion}']");
        Assert.Equal("eligible", await champion.GetAttributeAsync("data-outcome"));
        Assert.Contains("3,000,000", await champion.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("national_single_champion", await page.InputValueAsync("form.facts select[name='q.code']")); // kept as typed
        await AssertCompleteAsync(page, $"calculator-{culture}");

        await champion.Locator($"a[href^='/incentives/apply/{Champion}']").ClickAsync();
        await BrowserApp.ArriveAsync(page, $"/incentives/apply/{Champion}");
        Assert.Equal("national_single_champion", await page.InputValueAsync("select[name='q.code']"));
        Assert.Equal("2025-11-20", await page.InputValueAsync("input[name='q.from']"));
        await page.ClickAsync("#check-answers");
        var answer = await page.InnerTextAsync("#answers [data-fact=qualifications]");
        Assert.Contains(culture == "en" ? "National manufacturing single champion" : "国家级制造业单项冠军", answer, StringComparison.Ordinal); // the label, not the code
        Assert.Contains("2025-11-20", answer, StringComparison.Ordinal);
        foreach (var document in new[] { "champion_certificate", "audited_accounts" })
        {
            await page.SetInputFilesAsync($"input[name={document}]", new FilePayload { Name = document + ".pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4"u8.ToArray() });
        }

        await AssertCompleteAsync(page, $"check-your-answers-{culture}");
        await page.ClickAsync("#submit-application");
        await BrowserApp.ArriveAsync(page, at => at.AbsolutePath.StartsWith("/incentives/applications/GD-", StringComparison.Ordinal));
        var receipt = (await page.InnerTextAsync("#receipt-number")).Trim();
        Assert.Matches(@"^GD-\d{4}-\d{6}$", receipt);
        await AssertCompleteAsync(page, $"receipt-{culture}");
        return receipt;
    }

    /// <summary>Office staff find the application waiting on their workbench, find it complete and approve it.</summary>
    private static async Task ApproveFromTheWorkbenchAsync(IPage staff, string receipt, string applicant, string culture)
    {
        await staff.GotoAsync("/workbench");
        await staff.ClickAsync("[data-testid=waiting] a[href^='/incentives/awards']");
        var row = staff.Locator("#applications tr[data-application]", new PageLocatorOptions { HasText = receipt });
        await row.Locator("button.complete").ClickAsync();
        await row.Locator("button.approve").WaitForAsync(); // complete, so it waits for a decision now
        await row.Locator("input[name=reasons]").FillAsync("持有国家级单项冠军称号");
        await row.Locator("button.approve").ClickAsync();
        await row.Filter(new LocatorFilterOptions { HasText = culture == "en" ? "Approved" : "已批准" }).WaitForAsync();
        var award = staff.Locator("#awards tbody tr", new PageLocatorOptions { HasText = applicant });
        Assert.Contains("3,000,000", await award.InnerTextAsync(), StringComparison.Ordinal);
        await AssertCompleteAsync(staff, $"office-approved-{culture}");
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
        await BrowserApp.ArriveAsync(page, "/workbench");
    }

    private static async Task AssertCompleteAsync(IPage page, string screenshot)
    {
        Assert.DoesNotContain("⟦", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "account-" + screenshot);
    }
}
