using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Indicators;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Challenges;

/// <summary>
/// Issue 13 item 1: a Challenge-and-Lead prize is an award under the pack's challenge program, made through
/// Incentives' one ledger when the office awards the challenge, then goes through its public notice; a refused
/// award leaves the challenge unawarded.
/// </summary>
public abstract class ChallengePrizeTests(FunengApp app)
{
    private const string Program = "challenge-and-lead-prize";

    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IScenariosApp Fixture => (IScenariosApp)app;

    [Fact]
    public async Task Awarding_a_challenge_makes_one_award_with_ledger_entries_and_moves_incentive_award_yuan()
    {
        var office = await _drive.OfficeAsync();
        await SetBudgetAsync(office, 50_000_000m);
        var id = await ReadyToAwardAsync(office, 500_000m);
        var before = await AwardYuanAsync();
        var committedBefore = await CommittedAsync(office);

        var awarded = await ScenarioDriver.ReadAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct), HttpStatusCode.OK);

        Assert.Equal("awarded", awarded.GetProperty("status").GetString());
        var awardId = awarded.GetProperty("awardId").GetGuid();
        var awards = await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/awards", Ct);
        var award = Assert.Single(awards.EnumerateArray(), a => a.GetProperty("applicationId").GetGuid() == id);
        Assert.Equal((awardId, Program, 500_000m), (award.GetProperty("id").GetGuid(), award.GetProperty("programId").GetString(), award.GetProperty("amount").GetDecimal()));
        Assert.Equal(committedBefore + 500_000m, await CommittedAsync(office));
        Assert.Equal(before + 500_000m, await AwardYuanAsync());
        var page = await office.Client.GetStringAsync($"/scenarios/challenges/{id}", Ct);
        Assert.Contains($"/incentives/register?award={awardId}", page, StringComparison.Ordinal);

        // The award then goes through its public notice: in notice for the program's 7 days, final after.
        var inNotice = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/incentives/register/{awardId}", Ct);
        Assert.Equal(("in_notice", "ChallengeResult"), (inNotice.GetProperty("stage").GetString(), inNotice.GetProperty("basis").GetString()));
        Fixture.Clock.Advance(TimeSpan.FromDays(7.1));
        var final = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/incentives/register/{awardId}", Ct);
        Assert.Equal("final", final.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_prize_the_budget_cannot_hold_leaves_the_challenge_unawarded_and_tells_the_office_why()
    {
        var office = await _drive.OfficeAsync();
        await SetBudgetAsync(office, 50_000_000m);
        var id = await ReadyToAwardAsync(office, 900_000_000m);
        var before = await AwardYuanAsync();

        var refused = await ScenarioDriver.ProblemAsync(await office.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct), HttpStatusCode.Conflict);

        Assert.Equal("amount", refused.GetProperty("field").GetString());
        Assert.Contains("预算", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var challenge = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/challenges/{id}", Ct);
        Assert.Equal("announced", challenge.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, challenge.GetProperty("awardId").ValueKind);
        Assert.Equal(before, await AwardYuanAsync());
    }

    [Fact]
    public async Task Two_racing_award_requests_for_one_challenge_make_one_award()
    {
        var office = await _drive.OfficeAsync();
        var secondOffice = await _drive.OfficeAsync();
        await SetBudgetAsync(office, 50_000_000m);
        var id = await ReadyToAwardAsync(office, 300_000m);

        var race = await Task.WhenAll(
            office.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct),
            secondOffice.Client.PostAsync($"/api/v1/challenges/{id}/award", null, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], race.Select(r => r.StatusCode).Order());
        var awards = await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/awards", Ct);
        var award = Assert.Single(awards.EnumerateArray(), a => a.GetProperty("applicationId").GetGuid() == id);
        var challenge = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/challenges/{id}", Ct);
        Assert.Equal(award.GetProperty("id").GetGuid(), challenge.GetProperty("awardId").GetGuid());
    }

    private static async Task SetBudgetAsync(ActingUser office, decimal yuan)
    {
        var response = await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/{Program}/parameters/annual_budget",
            new { value = yuan, effectiveFrom = new DateOnly(2026, 5, 11) }, Ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A challenge with one scored entry, announced, its notice period over: what the office awards.</summary>
    private async Task<Guid> ReadyToAwardAsync(ActingUser office, decimal prize)
    {
        var id = await _drive.AnnouncedAsync(office, prize);
        Fixture.Clock.Advance(TimeSpan.FromDays(7.5));
        return id;
    }

    private async Task<decimal> AwardYuanAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<ILiveIndicatorSource>().Single(s => s.GetType().Name == "AwardIndicators");
        return (await source.ReadAsync(Ct)).Where(o => o.Indicator == "incentive_award_yuan" && o.Scope == "province").Sum(o => o.Value);
    }

    private static async Task<decimal> CommittedAsync(ActingUser office)
    {
        var report = await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/reports/budget", Ct);
        return report.GetProperty("programs").EnumerateArray().Where(p => p.GetProperty("programId").GetString() == Program).Sum(p => p.GetProperty("committed").GetDecimal());
    }
}

// The whole app, not Scenarios alone: a challenge's prize is made as an award in Incentives' real ledger and budget.
public sealed class ChallengePrizesOnSqlite(ScenariosWholeSqliteApp app) : ChallengePrizeTests(app), IClassFixture<ScenariosWholeSqliteApp>;

public sealed class ChallengePrizesOnPostgres(ScenariosWholePostgresApp app) : ChallengePrizeTests(app), IClassFixture<ScenariosWholePostgresApp>;
