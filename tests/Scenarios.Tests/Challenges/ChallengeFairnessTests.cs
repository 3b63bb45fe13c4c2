using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Challenges;

/// <summary>
/// Issue 14 item 4, "Challenge and Lead, fair in time", through the real pipeline: an early close needs a reason
/// and is recorded, shown and told; score inputs state scale and weight apart; a step the rules forbid now is not
/// offered, and the page names the date it opens while the API refuses it by the same rule.
/// </summary>
public abstract partial class ChallengeFairnessTests(ITestApp app)
{
    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IScenariosApp Fixture => (IScenariosApp)app;

    [Fact]
    public async Task Closing_entries_before_the_deadline_without_a_reason_is_refused_naming_the_field_on_the_api_and_the_page()
    {
        var (office, _, id) = await OpenChallengeAsync();

        var refused = await ScenarioDriver.ProblemAsync(await ScenarioDriver.CloseAsync(office, id, reason: "  "), HttpStatusCode.BadRequest);
        var bare = await ScenarioDriver.ProblemAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/close", null, Ct), HttpStatusCode.BadRequest);

        Assert.StartsWith("在公布的截止时间", refused.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        Assert.True(bare.GetProperty("errors").TryGetProperty("reason", out _));

        var browser = await app.SignInAsync(office, Ct);
        var page = await browser.GetStringAsync($"/scenarios/challenges/{id}", Ct);
        Assert.Contains("data-testid=\"close-early-form\"", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" name=\"confirm\" value=\"true\" required", page);
        var answer = await browser.PostAsync(new Uri($"/scenarios/challenges/{id}?handler=Close", UriKind.Relative), Form(page, ("reason", " ")), Ct);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("<li data-field=\"reason\">在公布的截止时间", html, StringComparison.Ordinal);
        Assert.Contains("<li data-field=\"confirm\">请勾选确认", html, StringComparison.Ordinal);
        var challenge = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/challenges/{id}", Ct);
        Assert.Equal("open", challenge.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Closing_early_with_a_reason_is_recorded_shown_on_the_public_page_and_told_to_every_entrant()
    {
        var (office, _, id) = await OpenChallengeAsync();
        var alpha = await app.CreateUserAsync(Roles.Enterprise);
        var beta = await app.CreateUserAsync(Roles.Enterprise);
        var partner = await app.CreateUserAsync(Roles.Enterprise);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.SubmitAsync(alpha, id, "Radar under the bed"), HttpStatusCode.Created);
        using (var form = new MultipartFormDataContent { { new StringContent("Wearable band"), "title" }, { new StringContent("A band and a gateway."), "solution" }, { new StringContent(partner.OrganisationId.ToString()), "partners" } })
        {
            await ScenarioDriver.ReadAsync(await beta.Client.PostAsync($"/api/v1/challenges/{id}/entries", form, Ct), HttpStatusCode.Created);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await ScenarioDriver.AnswerPartnerRequestAsync(partner, id, "accept")).StatusCode);
        const string reason = "省财政年度预算调整，需提前进入评审。";
        var closedAt = Fixture.Clock.GetUtcNow();

        var closed = await ScenarioDriver.ReadAsync(await ScenarioDriver.CloseAsync(office, id, reason), HttpStatusCode.OK);

        Assert.Equal(("reviewing", reason), (closed.GetProperty("status").GetString(), closed.GetProperty("earlyCloseReason").GetString()));
        // PostgreSQL keeps microseconds, the fake clock ticks: the instants agree to well within a millisecond.
        Assert.InRange(closed.GetProperty("closedAt").GetDateTimeOffset(), closedAt.AddMilliseconds(-1), closedAt.AddMilliseconds(1));
        var when = ChinaTime.Format(closedAt);

        // Recorded in the audit log as the office reads it: who, when (China Standard Time) and why.
        var closer = (await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/me", Ct)).GetProperty("displayName").GetString()!;
        var row = Assert.Single(await AuditPage.ReadAsync(office.Client, "zh-CN", Ct), r => r.Record.EndsWith($" {id}", StringComparison.Ordinal) && r.Action == "揭榜截止 scenarios.challenge.closed");
        Assert.Equal((closer, when), (row.Who, row.When));
        Assert.StartsWith("提前截止", row.Details, StringComparison.Ordinal);
        Assert.EndsWith($"原因：{reason}", row.Details, StringComparison.Ordinal);

        var publicPage = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/scenarios/challenges/{id}", Ct));
        Assert.Contains($"征集已于 {when}（北京时间）提前截止，原因：{reason}", publicPage, StringComparison.Ordinal);
        var english = WebUtility.HtmlDecode(await app.Anonymous().GetStringAsync($"/scenarios/challenges/{id}?culture=en", Ct));
        Assert.Contains($"Entries closed early on {when} (China Standard Time) because {reason}", english, StringComparison.Ordinal);

        foreach (var entrant in new[] { alpha, beta, partner })
        {
            var inbox = await entrant.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/notifications", Ct);
            var notice = Assert.Single(inbox.EnumerateArray(), n => n.GetProperty("titleZh").GetString()!.Contains("提前截止", StringComparison.Ordinal));
            Assert.Equal($"揭榜挂帅“Fall detection challenge”已于 {when}（北京时间）提前截止收方案，原因：{reason}", notice.GetProperty("titleZh").GetString());
            Assert.Equal($"Challenge \"Fall detection challenge\" closed to entries early on {when} (China Standard Time) because {reason}", notice.GetProperty("titleEn").GetString());
        }

        // Closing twice is not offered, and refused by the same rule.
        Assert.DoesNotContain("data-testid=\"close-challenge\"", await office.Client.GetStringAsync($"/scenarios/challenges/{id}", Ct), StringComparison.Ordinal);
        var twice = await ScenarioDriver.ProblemAsync(await ScenarioDriver.CloseAsync(office, id, reason), HttpStatusCode.Conflict);
        Assert.Equal("status", twice.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Closing_entries_at_the_deadline_needs_no_reason_and_announces_nothing_early()
    {
        var (office, challenge, id) = await OpenChallengeAsync();
        Fixture.Clock.SetUtcNow(challenge.GetProperty("deadline").GetDateTimeOffset());
        Assert.DoesNotContain("close-early-form", await office.Client.GetStringAsync($"/scenarios/challenges/{id}", Ct), StringComparison.Ordinal);

        var closed = await ScenarioDriver.ReadAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/close", null, Ct), HttpStatusCode.OK);

        Assert.Equal("reviewing", closed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("earlyCloseReason").ValueKind);
        Assert.DoesNotContain("closed-early", await app.Anonymous().GetStringAsync($"/scenarios/challenges/{id}", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scoring_page_states_each_criterion_s_scale_and_weight_separately()
    {
        var (office, _, id) = await OpenChallengeAsync();
        var alpha = await app.CreateUserAsync(Roles.Enterprise);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.SubmitAsync(alpha, id, "Radar"), HttpStatusCode.Created);
        var expert = await _drive.ExpertOnRosterAsync();
        await ScenarioDriver.ReadAsync(await office.Client.PutAsJsonAsync($"/api/v1/challenges/{id}/panel", new { expertUserIds = new[] { expert.UserId } }, Ct), HttpStatusCode.OK);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.CloseAsync(office, id), HttpStatusCode.OK);

        var page = WebUtility.HtmlDecode(await expert.Client.GetStringAsync($"/scenarios/challenges/{id}/review", Ct));
        var english = WebUtility.HtmlDecode(await expert.Client.GetStringAsync($"/scenarios/challenges/{id}/review?culture=en", Ct));

        Assert.Equal(2, Regex.Count(page, "评分范围 0–100 分"));
        Assert.Equal((1, 1), (Regex.Count(page, "权重 60%"), Regex.Count(page, "权重 40%")));
        Assert.Contains("weight 60 %", english, StringComparison.Ordinal);
        Assert.Contains("scale 0–100", english, StringComparison.Ordinal);
        Assert.DoesNotContain("(60)", page, StringComparison.Ordinal);
        Assert.Equal(2, NumberInputs().Matches(page).Count(m => m.Value.Contains("min=\"0\" max=\"100\"", StringComparison.Ordinal)));
        Assert.Contains("总分为各项得分乘以其权重后相加", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_award_is_not_offered_during_the_notice_period_the_page_names_the_date_and_the_api_refuses_by_the_same_rule()
    {
        var office = await _drive.OfficeAsync();
        var id = await AnnouncedAsync(office);
        var noticeEndsAt = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/challenges/{id}", Ct)).GetProperty("noticeEndsAt").GetDateTimeOffset();
        var opens = ChinaTime.Format(noticeEndsAt);

        var page = WebUtility.HtmlDecode(await office.Client.GetStringAsync($"/scenarios/challenges/{id}", Ct));
        var refused = await ScenarioDriver.ProblemAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct), HttpStatusCode.Conflict);

        Assert.DoesNotContain("data-testid=\"award\"", page, StringComparison.Ordinal);
        Assert.Contains($"可于 {opens}（北京时间）起授奖", page, StringComparison.Ordinal);
        Assert.Equal("noticeEndsAt", refused.GetProperty("field").GetString());
        Assert.Equal($"公示期至{opens}（北京时间）结束，授奖须待公示期满。", refused.GetProperty("detail").GetString());

        Fixture.Clock.SetUtcNow(noticeEndsAt - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain("data-testid=\"award\"", await office.Client.GetStringAsync($"/scenarios/challenges/{id}", Ct), StringComparison.Ordinal);
        Fixture.Clock.SetUtcNow(noticeEndsAt);
        Assert.Contains("data-testid=\"award\"", await office.Client.GetStringAsync($"/scenarios/challenges/{id}", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "请填写标题，不超过 200 个字符。", "请描述解决方案，不超过 8000 个字符。")]
    [InlineData("en", "Give a title of at most 200 characters.", "Describe the solution in at most 8000 characters.")]
    public async Task An_entry_without_title_or_solution_is_refused_on_the_page_by_field_in_the_readers_language(string culture, string title, string solution)
    {
        var (_, _, id) = await OpenChallengeAsync();
        var browser = await app.SignInAsync(await app.CreateUserAsync(Roles.Enterprise), Ct);
        var page = await browser.GetStringAsync($"/scenarios/challenges/{id}?culture={culture}", Ct);

        var answer = await browser.PostAsync(new Uri($"/scenarios/challenges/{id}?culture={culture}&handler=Submit", UriKind.Relative), Form(page, ("title", " "), ("solution", "")), Ct);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains($"<li data-field=\"title\">{title}<", html, StringComparison.Ordinal);
        Assert.Contains($"<li data-field=\"solution\">{solution}<", html, StringComparison.Ordinal);
    }

    private async Task<(ActingUser Office, JsonElement Challenge, Guid Id)> OpenChallengeAsync()
    {
        var office = await _drive.OfficeAsync();
        var owner = await _drive.OwnerAsync();
        var scenario = await ScenarioDriver.PublishedAsync(owner, office);
        var challenge = await _drive.CreateChallengeAsync(office, scenario);
        return (office, challenge, challenge.GetProperty("id").GetGuid());
    }

    private Task<Guid> AnnouncedAsync(ActingUser office) => _drive.AnnouncedAsync(office);

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value))));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<input [^>]*type=\"number\"[^>]*>")]
    private static partial Regex NumberInputs();
}

public sealed class ChallengeFairnessOnSqlite(ScenariosSqliteApp app) : ChallengeFairnessTests(app), IClassFixture<ScenariosSqliteApp>;

public sealed class ChallengeFairnessOnPostgres(ScenariosPostgresApp app) : ChallengeFairnessTests(app), IClassFixture<ScenariosPostgresApp>;
