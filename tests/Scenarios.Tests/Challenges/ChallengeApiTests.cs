using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Challenges;

/// <summary>
/// Challenge and Lead through the real pipeline with Scenarios booted alone: blind review, conflicts, ranking, notice
/// period and award (handed to a fake Incentives).
/// </summary>
public abstract class ChallengeApiTests(ITestApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% solution sketch\n");

    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IScenariosApp Fixture => (IScenariosApp)app;

    [Fact]
    public async Task Experts_score_blind_and_the_award_waits_for_the_notice_period()
    {
        var (office, challenge, id) = await OpenChallengeAsync();
        var alpha = await app.CreateUserAsync(Roles.Enterprise);
        var beta = await app.CreateUserAsync(Roles.Enterprise);
        var partner = await app.CreateUserAsync(Roles.Enterprise);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.SubmitAsync(alpha, id, "Radar under the bed", ("alpha-company-plan.pdf", Pdf)), HttpStatusCode.Created);
        using (var form = new MultipartFormDataContent { { new StringContent("Wearable band"), "title" }, { new StringContent("A band and a gateway."), "solution" }, { new StringContent(partner.OrganisationId.ToString()), "partners" } })
        {
            await ScenarioDriver.ReadAsync(await beta.Client.PostAsync($"/api/v1/challenges/{id}/entries", form, Ct), HttpStatusCode.Created);
        }

        // The partner is asked in its inbox, in both languages.
        var inbox = await partner.Client.GetFromJsonAsync<JsonElement>("/api/v1/account/notifications", Ct);
        var asked = Assert.Single(inbox.EnumerateArray(), n => n.GetProperty("titleZh").GetString()!.StartsWith("有单位邀请贵单位联合揭榜", StringComparison.Ordinal));
        Assert.StartsWith("An organisation asks yours to join its entry to", asked.GetProperty("titleEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await ScenarioDriver.AnswerPartnerRequestAsync(partner, id, "accept")).StatusCode);

        var liu = await _drive.ExpertOnRosterAsync();
        var chen = await _drive.ExpertOnRosterAsync();
        var insider = await _drive.ExpertOnRosterAsync(partner.OrganisationId);
        await AssignAsync(office, id, liu, chen, insider);
        Assert.Equal(HttpStatusCode.OK, (await ScenarioDriver.CloseAsync(office, id)).StatusCode);

        var review = await liu.Client.GetStringAsync($"/api/v1/challenges/{id}/review", Ct);
        foreach (var secret in new[] { alpha.OrganisationId.ToString(), beta.OrganisationId.ToString(), partner.OrganisationId.ToString(), alpha.UserId, beta.UserId, "测试机构", "Test organisation", "alpha-company" })
        {
            Assert.DoesNotContain(secret, review, StringComparison.OrdinalIgnoreCase);
        }

        var entries = JsonDocument.Parse(review).RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var alphaEntry = entries.Single(e => e.GetProperty("title").GetString() == "Radar under the bed");
        var betaEntry = entries.Single(e => e.GetProperty("title").GetString() == "Wearable band");
        var attachment = Assert.Single(alphaEntry.GetProperty("attachments").EnumerateArray());
        Assert.StartsWith("Entry ", attachment.GetProperty("name").GetString(), StringComparison.Ordinal);
        var entryIds = new[] { alphaEntry.GetProperty("id").GetGuid(), betaEntry.GetProperty("id").GetGuid() };
        var download = await liu.Client.GetAsync($"/api/v1/challenges/{id}/entries/{entryIds[0]}/attachments/{attachment.GetProperty("id").GetGuid()}", Ct);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.DoesNotContain("alpha", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);

        var excluded = await ScenarioDriver.ProblemAsync(await insider.Client.GetAsync($"/api/v1/challenges/{id}/review", Ct), HttpStatusCode.Forbidden);
        Assert.Contains("专家所在单位参与了揭榜", excluded.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await insider.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/entries/{entryIds[0]}/evaluations", new { scores = Array.Empty<object>() }, Ct)).StatusCode);
        Assert.DoesNotContain(alpha.OrganisationId.ToString(), await app.Anonymous().GetStringAsync($"/api/v1/challenges/{id}", Ct), StringComparison.Ordinal);

        await ScenarioDriver.ScoreAsync(liu, challenge, entryIds[0], 90, 80);
        var early = await ScenarioDriver.ProblemAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/announce", null, Ct), HttpStatusCode.Conflict);
        Assert.Contains("排名须待全部评审完成", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ScenarioDriver.ScoreAsync(chen, challenge, entryIds[0], 80, 70);
        await ScenarioDriver.ScoreAsync(liu, challenge, entryIds[1], 60, 60);
        await ScenarioDriver.ScoreAsync(chen, challenge, entryIds[1], 70, 50);

        var announced = await ScenarioDriver.ReadAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/announce", null, Ct), HttpStatusCode.OK);
        var ranking = announced.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(81m, ranking[0].GetProperty("score").GetDecimal());
        Assert.Equal(61m, ranking[1].GetProperty("score").GetDecimal());
        Assert.Equal(2, ranking[1].GetProperty("team").GetArrayLength());

        var tooSoon = await ScenarioDriver.ProblemAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct), HttpStatusCode.Conflict);
        Assert.Equal("noticeEndsAt", tooSoon.GetProperty("field").GetString());
        var objection = await ScenarioDriver.ReadAsync(await beta.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/objections", new { text = "Our cost figure was misread." }, Ct), HttpStatusCode.OK);
        var objectionId = objection.GetProperty("objections")[0].GetProperty("id").GetGuid();
        Fixture.Clock.Advance(TimeSpan.FromDays(7.5));
        Assert.Equal(HttpStatusCode.Conflict, (await beta.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/objections", new { text = "late" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct)).StatusCode);
        await ScenarioDriver.ReadAsync(await office.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/objections/{objectionId}/resolve", new { upheld = false, resolution = "Rechecked; the figure stands." }, Ct), HttpStatusCode.OK);

        // The prize is an award Incentives makes under the program the pack names for challenge results (made in
        // Incentives' real ledger and budget: ChallengePrizeTests, on the whole app).
        var awards = app.Services.GetRequiredService<FakeResultAwards>();
        awards.SetProgramFor(AwardBasis.ChallengeResult, "challenge-and-lead-prize");
        var awarded = await ScenarioDriver.ReadAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct), HttpStatusCode.OK);
        Assert.Equal("awarded", awarded.GetProperty("status").GetString());
        Assert.Equal(ranking[0].GetProperty("label").GetString(), awarded.GetProperty("winnerLabel").GetString());
        var prize = Assert.Single(awards.Calls.Of(nameof(IResultAwards.AwardAsync)).Select(c => (ResultAwardRequest)c.Arguments[0]!), r => r.BasisId == id);
        Assert.Equal(("challenge-and-lead-prize", AwardBasis.ChallengeResult), (prize.ProgramId, prize.Basis));
        var scenario = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/scenarios/{challenge.GetProperty("scenarioIds")[0].GetGuid()}", Ct);
        Assert.Equal("matched", scenario.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_declared_conflict_with_a_submitting_organisation_hides_the_challenge_from_the_expert()
    {
        var (office, _, id) = await OpenChallengeAsync();
        var alpha = await app.CreateUserAsync(Roles.Enterprise);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.SubmitAsync(alpha, id, "Radar"), HttpStatusCode.Created);
        var expert = await _drive.ExpertOnRosterAsync();
        await AssignAsync(office, id, expert);
        var declared = await expert.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/conflicts", new { organisationId = alpha.OrganisationId, reason = "I advise them." }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, declared.StatusCode);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.CloseAsync(office, id), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.Client.GetAsync($"/api/v1/challenges/{id}/review", Ct)).StatusCode);
        var panel = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/challenges/{id}/entries", Ct);
        Assert.True(panel.GetProperty("panel")[0].GetProperty("excluded").GetBoolean());
        Assert.False(panel.GetProperty("entries")[0].GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task An_entry_advances_only_when_all_its_evaluations_are_in()
    {
        var office = await _drive.OfficeAsync();
        var owner = await _drive.OwnerAsync();
        var scenario = await ScenarioDriver.PublishedAsync(owner, office);
        var body = new
        {
            title = "Two-phase challenge", requirements = "r", eligibility = "e", deadline = Fixture.Clock.GetUtcNow().AddDays(10),
            awardDescription = "a", awardAmount = 1m, scenarioIds = new[] { scenario }, criteria = new[] { new { name = "Merit", weight = 1m } },
            phases = new[] { "初审 Preliminary", "终审 Final" },
        };
        var challenge = await ScenarioDriver.ReadAsync(await office.Client.PostAsJsonAsync("/api/v1/challenges", body, Ct), HttpStatusCode.Created);
        var id = challenge.GetProperty("id").GetGuid();
        var alpha = await app.CreateUserAsync(Roles.Enterprise);
        var entry = (await ScenarioDriver.ReadAsync(await ScenarioDriver.SubmitAsync(alpha, id, "Radar"), HttpStatusCode.Created))[0].GetProperty("id").GetGuid();
        var expert = await _drive.ExpertOnRosterAsync();
        await AssignAsync(office, id, expert);
        await ScenarioDriver.ReadAsync(await ScenarioDriver.CloseAsync(office, id), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Conflict, (await office.Client.PostAsync($"/api/v1/challenges/{id}/entries/{entry}/advance", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.Client.PostAsync($"/api/v1/challenges/{id}/announce", null, Ct)).StatusCode);
        var criterion = challenge.GetProperty("criteria")[0].GetProperty("id").GetGuid();
        await expert.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/entries/{entry}/evaluations", new { scores = new[] { new { criterionId = criterion, score = 70 } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsync($"/api/v1/challenges/{id}/entries/{entry}/advance", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.Client.PostAsync($"/api/v1/challenges/{id}/announce", null, Ct)).StatusCode);
        await expert.Client.PostAsJsonAsync($"/api/v1/challenges/{id}/entries/{entry}/evaluations", new { scores = new[] { new { criterionId = criterion, score = 75 } } }, Ct);
        var announced = await ScenarioDriver.ReadAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/announce", null, Ct), HttpStatusCode.OK);
        Assert.Equal(75m, announced.GetProperty("ranking")[0].GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task Attachments_of_the_wrong_type_or_after_the_deadline_are_refused()
    {
        var (_, challenge, id) = await OpenChallengeAsync();
        var alpha = await app.CreateUserAsync(Roles.Enterprise);
        var wrong = await ScenarioDriver.SubmitAsync(alpha, id, "Radar", ("plan.pdf", [0x4D, 0x5A, 0x90, 0x00]), ("tool.exe", [0x4D, 0x5A]));
        var errors = (await ScenarioDriver.ProblemAsync(wrong, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("files");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Equal("plan.pdf：文件内容不是 .pdf 文件。", errors[0].GetString());
        Assert.StartsWith("tool.exe：不接受“.exe”类型的文件，请使用 .pdf", errors[1].GetString(), StringComparison.Ordinal);
        var beta = await app.CreateUserAsync(Roles.Enterprise);
        var lead = await app.CreateUserAsync(Roles.Enterprise);
        using (var named = new MultipartFormDataContent
        {
            { new StringContent("Lidar"), "title" }, { new StringContent("Lidar with a partner."), "solution" }, { new StringContent(beta.OrganisationId.ToString()), "partners" },
        })
        {
            await ScenarioDriver.ReadAsync(await lead.Client.PostAsync($"/api/v1/challenges/{id}/entries", named, Ct), HttpStatusCode.Created);
        }

        Fixture.Clock.Advance(TimeSpan.FromDays(6));
        var late = await ScenarioDriver.ProblemAsync(await ScenarioDriver.SubmitAsync(alpha, id, "Radar"), HttpStatusCode.Conflict);
        Assert.Equal("deadline", late.GetProperty("field").GetString());
        // The deadline is told in China Standard Time, in the reader's language.
        var deadline = Funeng.Kernel.Localization.ChinaTime.Format(challenge.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal($"该揭榜挂帅已不再接收方案（截止时间 {deadline}，北京时间）。", late.GetProperty("detail").GetString());
        // A partner joining after the deadline is refused by the same rule, with the same message.
        var joinLate = await ScenarioDriver.ProblemAsync(await ScenarioDriver.AnswerPartnerRequestAsync(beta, id, "accept"), HttpStatusCode.Conflict);
        Assert.Equal(("deadline", late.GetProperty("detail").GetString()), (joinLate.GetProperty("field").GetString(), joinLate.GetProperty("detail").GetString()));
        using var form = new MultipartFormDataContent { { new StringContent("Radar"), "title" }, { new StringContent("Radar sensors."), "solution" } };
        var english = await ScenarioDriver.ProblemAsync(await alpha.Client.PostAsync($"/api/v1/challenges/{id}/entries?culture=en", form, Ct), HttpStatusCode.Conflict);
        Assert.Equal($"The challenge no longer accepts entries (deadline {deadline} China Standard Time).", english.GetProperty("detail").GetString());
    }

    private async Task<(ActingUser Office, JsonElement Challenge, Guid Id)> OpenChallengeAsync()
    {
        var office = await _drive.OfficeAsync();
        var owner = await _drive.OwnerAsync();
        var scenario = await ScenarioDriver.PublishedAsync(owner, office);
        var challenge = await _drive.CreateChallengeAsync(office, scenario);
        return (office, challenge, challenge.GetProperty("id").GetGuid());
    }

    private static async Task AssignAsync(ActingUser office, Guid id, params ActingUser[] experts)
    {
        var response = await office.Client.PutAsJsonAsync($"/api/v1/challenges/{id}/panel", new { expertUserIds = experts.Select(e => e.UserId) }, Ct);
        await ScenarioDriver.ReadAsync(response, HttpStatusCode.OK);
    }
}

public sealed class ChallengeApiOnSqlite(ScenariosSqliteApp app) : ChallengeApiTests(app), IClassFixture<ScenariosSqliteApp>;

public sealed class ChallengeApiOnPostgres(ScenariosPostgresApp app) : ChallengeApiTests(app), IClassFixture<ScenariosPostgresApp>;
