using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.TestSupport;
using Microsoft.Playwright;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// One ledger and true figures (issue 13), in one run: the office awards a challenge on its page → the prize is an
/// award under the pack's Challenge-and-Lead program in the budget report → it goes through its public notice on the
/// app's clock → it stands on the public register and in its download → the index's "incentive funds awarded" moved.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ChallengeAwardJourneyTests(ScenarioBrowserApp app) : IClassFixture<ScenarioBrowserApp>
{
    private const string Program = "challenge-and-lead-prize";
    private const decimal Prize = 500_000m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_challenge_prize_is_awarded_in_the_ledger_goes_through_notice_onto_the_public_register_and_moves_the_figures()
    {
        var office = await ApiUserAsync(Roles.OfficeStaff, OrganisationKind.GovernmentOffice);
        var team = await ApiUserAsync(Roles.Enterprise, OrganisationKind.Enterprise);
        (await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/{Program}/parameters/annual_budget",
            new { value = 10_000_000m, effectiveFrom = "2025-01-01" }, Ct)).EnsureSuccessStatusCode();
        var challengeId = await ScoredChallengeAsync(office, team);

        var officePage = await app.SignInAsync(office);
        var visitor = await app.NewPageAsync();
        visitor.SetDefaultTimeout(90_000); // the index computes its sensitivity draws per set of inputs on a shared machine
        var budget = officePage.Locator($"#budget tr[data-program='{Program}']");
        await officePage.GotoAsync("/incentives/report");
        var budgetBefore = await budget.InnerTextAsync();
        Assert.Contains("10,000,000", budgetBefore, StringComparison.Ordinal);
        var awardYuan = visitor.Locator("table.trace tbody tr", new PageLocatorOptions { HasText = "政策兑现金额" }); // incentive_award_yuan
        await visitor.GotoAsync("/empowerment-index/cities/guangzhou");
        Assert.Contains("缺失", await awardYuan.InnerTextAsync(), StringComparison.Ordinal); // no award yet

        // The office publishes the result, and awards the challenge once the ranking's notice is over (one day in this fixture).
        await officePage.GotoAsync($"/scenarios/challenges/{challengeId}");
        await officePage.ClickAsync("[data-testid=announce]");
        await officePage.Locator("[data-testid=challenge-status]", new PageLocatorOptions { HasText = "公示中" }).WaitForAsync();
        Assert.Contains("毫米波雷达方案", await officePage.InnerTextAsync("table.ranking"), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromDays(1.1));
        await officePage.ReloadAsync();
        await officePage.ClickAsync("[data-testid=award]");
        await officePage.WaitForSelectorAsync("[data-testid=award-record]"); // shown once the award is made
        Assert.Equal("已授奖", await officePage.InnerTextAsync("[data-testid=challenge-status]"));
        await BrowserApp.ScreenshotAsync(officePage, "challenge-award-awarded");

        // The prize is an award under the challenge program, committed in the ledger: the budget report moved.
        await officePage.GotoAsync("/incentives/report");
        var budgetAfter = await budget.InnerTextAsync();
        Assert.NotEqual(budgetBefore, budgetAfter);
        Assert.Contains("9,500,000", budgetAfter, StringComparison.Ordinal); // available: budget less the prize committed
        await BrowserApp.ScreenshotAsync(officePage, "challenge-award-budget-report");
        await officePage.GotoAsync("/incentives/awards");
        var award = await officePage.InnerTextAsync("#awards tbody tr");
        Assert.Contains("“揭榜挂帅”关键技术攻关奖励", award, StringComparison.Ordinal); // the pack's program, by name
        Assert.Contains("500,000", award, StringComparison.Ordinal);

        // Anyone follows the challenge's link to the award on the public register: in notice first.
        await visitor.GotoAsync($"/scenarios/challenges/{challengeId}");
        await visitor.ClickAsync("[data-testid=award-record]");
        var entry = visitor.Locator("#register tr[data-award]");
        Assert.Equal("in_notice", await entry.GetAttributeAsync("data-stage"));
        Assert.Contains("500,000.00 CNY", await entry.InnerTextAsync(), StringComparison.Ordinal);
        var awardId = await entry.GetAttributeAsync("data-award");

        // Past the program's notice_days (7) with no objection, the award is final on the register and in its download.
        app.Clock.Advance(TimeSpan.FromDays(7.1));
        await visitor.ReloadAsync();
        Assert.Equal("final", await entry.GetAttributeAsync("data-stage"));
        await BrowserApp.ScreenshotAsync(visitor, "challenge-award-register-final");
        var download = await visitor.APIRequest.GetAsync((await visitor.GetAttributeAsync("[data-testid=register-csv]", "href"))!);
        Assert.True(download.Ok, $"the register download answered {download.Status}");
        var rows = (await download.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var row = Assert.Single(rows, r => r.StartsWith($"360G-funeng-{awardId}", StringComparison.Ordinal));
        Assert.Contains(",500000.00,", row, StringComparison.Ordinal);
        Assert.Contains($",{Program},", row, StringComparison.Ordinal);
        Assert.Contains(",ChallengeResult,final,", row, StringComparison.Ordinal);

        // The index counts the award in the recipient's city.
        await visitor.GotoAsync("/empowerment-index/cities/guangzhou");
        Assert.Contains("50万元", await awardYuan.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(visitor, "challenge-award-index-city");
    }

    /// <summary>A user whose API client talks to the Kestrel server the browser uses.</summary>
    private async Task<ActingUser> ApiUserAsync(string role, OrganisationKind kind)
    {
        var user = await app.CreateUserAsync(role, kind: kind);
        user.Client.BaseAddress = new Uri(app.BaseUrl);
        return user;
    }

    /// <summary>
    /// Setup through the API, not the point of this journey (ScenarioJourneyTests walks it on pages): a published
    /// scenario made a challenge with a prize, one team's entry, entries closed, an expert's scores.
    /// </summary>
    private async Task<Guid> ScoredChallengeAsync(ActingUser office, ActingUser team)
    {
        var owner = await ApiUserAsync(Roles.ScenarioOwner, OrganisationKind.ElderCareHome);
        var scenario = await ReadAsync(await owner.Client.PostAsJsonAsync("/api/v1/scenarios", new
        {
            title = "夜间跌倒识别（账本旅程）", problem = "夜班人手少，跌倒发现晚。", expectedOutcome = "两分钟内告警。", sector = "elder_care", city = "guangzhou",
            district = "越秀区", dataAvailable = "护理记录", budgetMin = 300_000m, budgetMax = 800_000m, contactName = "张院长", contactDetail = "owner@example.test",
        }, Ct));
        var scenarioId = scenario.GetProperty("id").GetGuid();
        foreach (var (user, action) in new[] { (owner, "submit"), (office, "publish") })
        {
            await ReadAsync(await user.Client.PostAsJsonAsync($"/api/v1/scenarios/{scenarioId}/transitions", new { action }, Ct));
        }

        var challenge = await ReadAsync(await office.Client.PostAsJsonAsync("/api/v1/challenges", new
        {
            title = "揭榜挂帅：无摄像头夜间跌倒识别",
            requirements = "不使用摄像头，两分钟内告警。",
            eligibility = "广东省内企业及其联合体。",
            deadline = app.Clock.GetUtcNow().AddDays(5),
            awardDescription = "试点合同与资金支持",
            awardAmount = Prize,
            scenarioIds = new[] { scenarioId },
            criteria = new[] { new { name = "准确率", weight = 60m }, new { name = "成本", weight = 40m } },
        }, Ct));
        var id = challenge.GetProperty("id").GetGuid();

        using var entryForm = new MultipartFormDataContent { { new StringContent("毫米波雷达方案"), "title" }, { new StringContent("雷达与边缘模型。"), "solution" } };
        var entryId = (await ReadAsync(await team.Client.PostAsync($"/api/v1/challenges/{id}/entries", entryForm, Ct)))[0].GetProperty("id").GetGuid();

        var expert = await ApiUserAsync(Roles.Expert, OrganisationKind.University);
        await ReadAsync(await expert.Client.PutAsJsonAsync("/api/v1/challenges/experts/me", new { fields = "养老, 传感" }, Ct));
        await ReadAsync(await office.Client.PutAsJsonAsync($"/api/v1/challenges/{id}/panel", new { expertUserIds = new[] { expert.UserId } }, Ct));
        await ReadAsync(await office.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/close", new { reason = "所有预期的供应商均已提交方案。" }, Ct));
        var scores = challenge.GetProperty("criteria").EnumerateArray().Select(c => new { criterionId = c.GetProperty("id").GetGuid(), score = 85m }).ToArray();
        await ReadAsync(await expert.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/entries/{entryId}/evaluations", new { scores, comment = "可行" }, Ct));
        return id;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(Encoding.UTF8.GetBytes(body)).RootElement.Clone();
    }
}
