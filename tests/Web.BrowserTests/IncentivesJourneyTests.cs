using System.Net.Http.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

[Trait("Category", "Browser")]
public sealed class IncentivesJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_enterprise_checks_applies_office_approves_and_the_award_shows_on_its_page_and_in_the_budget_report()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        office.Client.BaseAddress = new Uri(app.BaseUrl); // the browser fixture serves real Kestrel, not the in-memory server
        (await office.Client.PutAsJsonAsync("/api/v1/incentives/programs/single-champion-reward/parameters/annual_budget",
            new { value = 30_000_000m, effectiveFrom = "2025-01-01" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var page = await LogInAsync(enterprise);
        await page.GotoAsync("/incentives");
        await page.SelectOptionAsync("form.facts select[name='f.untrustworthy']", "false");
        await page.SelectOptionAsync("form.facts select[name='q.code']", "national_single_champion");
        await page.FillAsync("form.facts input[name='q.from']", "2025-11-20");
        await page.ClickAsync("form.facts button[type=submit]");
        var champion = page.Locator("tr[data-program='single-champion-reward']");
        Assert.Equal("eligible", await champion.GetAttributeAsync("data-outcome"));
        Assert.Contains("3,000,000", await champion.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("unknown", await page.GetAttributeAsync("tr[data-program='benchmark-case-reward']", "data-outcome"));

        // The calculator's facts travel with its "apply" link: the form starts from them.
        await champion.Locator("a[href^='/incentives/apply/single-champion-reward']").ClickAsync();
        Assert.Equal("national_single_champion", await page.InputValueAsync("select[name='q.code']"));
        Assert.Equal("2025-11-20", await page.InputValueAsync("input[name='q.from']"));
        await page.ClickAsync("#check-answers");
        Assert.Contains("国家级制造业单项冠军", await page.InnerTextAsync("#answers"), StringComparison.Ordinal); // the label, not the code
        foreach (var document in new[] { "champion_certificate", "audited_accounts" })
        {
            await page.SetInputFilesAsync($"input[name={document}]", new FilePayload { Name = document + ".pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4"u8.ToArray() });
        }

        await page.ClickAsync("#submit-application");
        await BrowserApp.ArriveAsync(page, at => at.AbsolutePath.StartsWith("/incentives/applications/GD-", StringComparison.Ordinal));
        var receipt = await page.InnerTextAsync("#receipt-number");
        Assert.Matches(@"^GD-\d{4}-\d{6}$", receipt);
        await BrowserApp.ScreenshotAsync(page, "incentives-receipt");
        await page.GotoAsync("/incentives/awards");
        Assert.Single(await page.Locator("#applications tbody tr").AllAsync());

        var officePage = await LogInAsync(office);
        await officePage.GotoAsync("/incentives/awards");
        await officePage.ClickAsync("#applications button.complete");
        await officePage.FillAsync("#applications input[name=reasons]", "持有国家级单项冠军称号");
        await officePage.ClickAsync("#applications button.approve");
        await officePage.WaitForSelectorAsync("#awards tbody tr");

        await page.ReloadAsync();
        Assert.Contains("3,000,000", await page.InnerTextAsync("#awards tbody tr"), StringComparison.Ordinal);
        await page.GotoAsync($"/incentives/applications/{receipt}");
        Assert.Equal(["Submitted", "FoundComplete", "Approved"],
            await page.Locator("#application-steps tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.step)"));

        await officePage.GotoAsync("/incentives/report");
        var row = await officePage.InnerTextAsync("#budget tr[data-program='single-champion-reward']");
        Assert.Contains("30,000,000", row, StringComparison.Ordinal);
        Assert.Contains("27,000,000", row, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(officePage, "incentives-report");
    }

    private Task<IPage> LogInAsync(ActingUser user) => app.SignInAsync(user);
}
