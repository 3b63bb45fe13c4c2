using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>The browser app with a clock the journey can move past the notice period.</summary>
public sealed class ScenarioBrowserApp : BrowserApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scenarios:AttachmentDirectory", Path.Combine(Path.GetTempPath(), $"funeng-journey-{Guid.NewGuid():N}"));
        builder.UseSetting("Scenarios:NoticePeriod", "1.00:00:00");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

[Trait("Category", "Browser")]
public sealed class ScenarioJourneyTests(ScenarioBrowserApp app) : IClassFixture<ScenarioBrowserApp>
{
    [Fact]
    public async Task An_elder_care_need_goes_from_post_to_list_to_challenge_to_blind_review_to_award()
    {
        var owner = await app.CreateUserAsync(Roles.ScenarioOwner, kind: OrganisationKind.ElderCareHome);
        var office = await app.CreateUserAsync(Roles.OfficeStaff, kind: OrganisationKind.GovernmentOffice);
        // The prize is an award in Incentives' ledger under the pack's Challenge-and-Lead program: its budget is set first.
        office.Client.BaseAddress = new Uri(app.BaseUrl); // the browser fixture serves real Kestrel, not the in-memory server
        (await office.Client.PutAsJsonAsync("/api/v1/incentives/programs/challenge-and-lead-prize/parameters/annual_budget",
            new { value = 10_000_000m, effectiveFrom = "2026-05-11" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var officePage = await SignInAsync(office);

        // Office compiles the Guangzhou 2026 elder-care list; its quota comes from the policy pack.
        await officePage.GotoAsync("/scenarios/lists/new");
        await officePage.FillAsync("#titleZh", "广州市2026年“人工智能+养老服务”场景清单");
        await officePage.FillAsync("#titleEn", "Guangzhou 2026 AI + Elderly Care");
        await officePage.SelectOptionAsync("#scope", "city:guangzhou");
        await officePage.CheckAsync("input[name=Sectors][value=elder_care]");
        await officePage.ClickAsync("[data-testid=create-list]");
        await BrowserApp.ArriveAsync(officePage, at => at.AbsolutePath.StartsWith("/scenarios/lists/", StringComparison.Ordinal) && at.AbsolutePath != "/scenarios/lists/new");
        var listUrl = officePage.Url;
        Assert.Equal("0 / 20", await officePage.InnerTextAsync("[data-testid=quota-progress]"));
        await officePage.ClickAsync("[data-testid=publish-list]");

        // The elder-care home posts and submits its need.
        var ownerPage = await SignInAsync(owner);
        await ownerPage.GotoAsync("/scenarios/post");
        await ownerPage.FillAsync("#title", "夜间跌倒识别 Night-time fall detection");
        await ownerPage.FillAsync("#problem", "夜班人手少，跌倒发现晚。");
        await ownerPage.FillAsync("#outcome", "两分钟内告警。");
        await ownerPage.SelectOptionAsync("#sector", "elder_care");
        await ownerPage.FillAsync("#budgetMin", "300000");
        await ownerPage.FillAsync("#budgetMax", "800000");
        await ownerPage.FillAsync("#contactName", "张院长");
        await ownerPage.FillAsync("#contactDetail", "owner@example.test");
        await ownerPage.ClickAsync("[data-testid=save-scenario]");
        await ownerPage.ClickAsync("button[data-action=submit]");
        Assert.Equal("已提交", await ownerPage.InnerTextAsync("[data-testid=scenario-status]"));
        var scenarioUrl = ownerPage.Url;

        // Office publishes it into the list, and the quota progress moves.
        await officePage.GotoAsync("/scenarios/review");
        await officePage.ClickAsync("text=夜间跌倒识别 Night-time fall detection");
        await officePage.SelectOptionAsync("#listId", new SelectOptionValue { Label = "广州市2026年“人工智能+养老服务”场景清单" });
        await officePage.ClickAsync("button[data-action=publish]");
        Assert.Equal("已发布", await officePage.InnerTextAsync("[data-testid=scenario-status]"));
        await officePage.GotoAsync(listUrl);
        Assert.Equal("1 / 20", await officePage.InnerTextAsync("[data-testid=quota-progress]"));

        // Office turns it into a challenge.
        await officePage.GotoAsync(scenarioUrl);
        await officePage.ClickAsync("[data-testid=make-challenge]");
        await officePage.FillAsync("#title", "揭榜挂帅：无摄像头夜间跌倒识别");
        await officePage.FillAsync("#requirements", "不使用摄像头，两分钟内告警。");
        await officePage.FillAsync("#eligibility", "广东省内企业及其联合体。");
        await officePage.FillAsync("#award", "试点合同与资金支持");
        await officePage.FillAsync("#amount", "500000");
        await officePage.ClickAsync("[data-testid=create-challenge]");
        await BrowserApp.ArriveAsync(officePage, at => at.AbsolutePath.StartsWith("/scenarios/challenges/", StringComparison.Ordinal) && !at.AbsolutePath.EndsWith("/new", StringComparison.Ordinal));
        var challengeUrl = officePage.Url;

        // Two enterprises submit, with an attachment each.
        foreach (var (title, file) in new[] { ("毫米波雷达方案", "radar.pdf"), ("智能手环方案", "band.pdf") })
        {
            var enterprise = await app.CreateUserAsync(Roles.Enterprise);
            var page = await SignInAsync(enterprise);
            await page.GotoAsync(challengeUrl);
            await page.FillAsync("#entryTitle", title);
            await page.FillAsync("#solution", title + "：边缘计算模型。");
            await page.SetInputFilesAsync("#files", new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n" + title) });
            await page.ClickAsync("[data-testid=submit-entry]");
            Assert.Contains(file, await page.InnerTextAsync("[data-testid=my-entry]"), StringComparison.Ordinal);
        }

        // Two experts join the roster; the office assigns them and closes entries.
        var experts = new List<IPage>();
        for (var i = 0; i < 2; i++)
        {
            var page = await SignInAsync(await app.CreateUserAsync(Roles.Expert, kind: OrganisationKind.University));
            await page.GotoAsync("/scenarios/challenges");
            await page.ClickAsync("[data-testid=join-roster]");
            experts.Add(page);
        }

        await officePage.GotoAsync(challengeUrl);
        foreach (var box in await officePage.Locator("[data-testid=roster-expert]").AllAsync())
        {
            await box.CheckAsync();
        }

        await officePage.ClickAsync("[data-testid=assign-panel]");
        // Before the published deadline, closing asks for a reason and a ticked confirmation.
        await officePage.FillAsync("#closeReason", "预期的揭榜单位均已提交方案。");
        await officePage.CheckAsync("[data-testid=close-early-form] input[name=confirm]");
        await officePage.ClickAsync("[data-testid=close-challenge]");
        Assert.Contains("预期的揭榜单位均已提交方案。", await officePage.InnerTextAsync("[data-testid=closed-early]"), StringComparison.Ordinal);

        // Each expert scores both entries blind: no team name on the page.
        foreach (var (expert, score) in experts.Select((p, i) => (p, 70 + (10 * i))))
        {
            await expert.GotoAsync(challengeUrl);
            await expert.ClickAsync("[data-testid=open-review]");
            var text = await expert.InnerTextAsync("main");
            Assert.DoesNotContain("测试机构", text, StringComparison.Ordinal);
            Assert.DoesNotContain("radar.pdf", text, StringComparison.Ordinal);
            var labels = await expert.Locator("section[data-entry]").EvaluateAllAsync<string[]>("sections => sections.map(s => s.dataset.entry)");
            Assert.Equal(2, labels.Length);
            foreach (var label in labels)
            {
                foreach (var input in await expert.Locator($"section[data-entry='{label}'] input[type=number]").AllAsync())
                {
                    await input.FillAsync(score.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await expert.ClickAsync($"[data-testid=score-{label}]");
                await expert.WaitForSelectorAsync($"section[data-entry='{label}'] [data-testid=my-score]");
            }
        }

        // The ranking is announced with the teams; the award waits for the notice period.
        await officePage.GotoAsync(challengeUrl);
        await officePage.ClickAsync("[data-testid=announce]");
        Assert.Equal("公示中", await officePage.InnerTextAsync("[data-testid=challenge-status]"));
        Assert.Contains("测试机构", await officePage.InnerTextAsync("table.ranking"), StringComparison.Ordinal);
        Assert.Equal(0, await officePage.Locator("[data-testid=award]").CountAsync());
        Assert.Contains("起授奖", await officePage.InnerTextAsync("[data-testid=award-opens]"), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await officePage.GotoAsync(challengeUrl);
        await officePage.ClickAsync("[data-testid=award]");
        Assert.Equal("已授奖", await officePage.InnerTextAsync("[data-testid=challenge-status]"));
        Assert.True(await officePage.IsVisibleAsync("[data-testid=winner]"));
        Assert.True(await officePage.IsVisibleAsync("[data-testid=award-record]"));
        await BrowserApp.ScreenshotAsync(officePage, "scenarios-challenge-awarded");
        await ownerPage.GotoAsync(scenarioUrl);
        Assert.Equal("已对接", await ownerPage.InnerTextAsync("[data-testid=scenario-status]"));
    }

    [Fact]
    public async Task Scenario_pages_render_in_both_languages_without_missing_strings()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff, kind: OrganisationKind.GovernmentOffice);
        var page = await SignInAsync(office);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            foreach (var path in new[] { "/scenarios", "/scenarios/review", "/scenarios/lists/new", "/scenarios/challenges", "/scenarios/cases", "/scenarios/approaches" })
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{path} answered {response.Status}");
                Assert.DoesNotContain("⟦", await page.InnerTextAsync("body"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_supplier_expresses_interest_the_owner_accepts_it_and_the_supplier_sees_the_answer()
    {
        var owner = await app.CreateUserAsync(Roles.ScenarioOwner, kind: OrganisationKind.ElderCareHome);
        var office = await app.CreateUserAsync(Roles.OfficeStaff, kind: OrganisationKind.GovernmentOffice);
        foreach (var user in new[] { owner, office })
        {
            user.Client.BaseAddress = new Uri(app.BaseUrl); // the API clients talk to the same Kestrel server as the browser
        }

        var created = await owner.Client.PostAsJsonAsync("/api/v1/scenarios", new
        {
            title = "助浴服务排班（测试）", problem = "助浴需求集中在上午。", expectedOutcome = "按需求自动排班。", sector = "elder_care", city = "guangzhou",
            district = "越秀区", dataAvailable = "排班记录", budgetMin = 10000m, budgetMax = 50000m, contactName = "王", contactDetail = "owner@example.test",
        }, TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        foreach (var (user, action) in new[] { (owner, "submit"), (office, "publish") })
        {
            (await user.Client.PostAsJsonAsync($"/api/v1/scenarios/{id}/transitions", new { action }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        var supplierPage = await SignInAsync(await app.CreateUserAsync(Roles.Enterprise));
        await supplierPage.GotoAsync($"/scenarios/{id}");
        await supplierPage.ClickAsync("[data-testid=interest]");
        Assert.Equal("待答复", await supplierPage.InnerTextAsync("[data-testid=approach-status]"));

        var ownerPage = await SignInAsync(owner);
        await ownerPage.GotoAsync($"/scenarios/{id}");
        await ownerPage.ClickAsync("[data-testid=approaches] button:has-text('接受')");
        Assert.Equal("已接受", await ownerPage.InnerTextAsync("[data-testid=approach-status]"));

        await supplierPage.GotoAsync("/scenarios/approaches");
        Assert.Equal("已接受", await supplierPage.InnerTextAsync("[data-testid=approach-status]"));
        Assert.Contains("助浴服务排班", await supplierPage.InnerTextAsync("[data-testid=approaches]"), StringComparison.Ordinal);
    }

    private Task<IPage> SignInAsync(ActingUser user) => app.SignInAsync(user);
}
