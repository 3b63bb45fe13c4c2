using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Indicators;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Cases;

/// <summary>Cases from delivered scenarios, and the yearly benchmark quota read from the pack (10), also under races.</summary>
public abstract class BenchmarkCaseTests(FunengApp app)
{
    private readonly ScenarioDriver _drive = new(app);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_a_delivered_scenario_becomes_a_case()
    {
        var owner = await _drive.OwnerAsync();
        var office = await _drive.OfficeAsync();
        var published = await ScenarioDriver.PublishedAsync(owner, office);
        var response = await owner.Client.PostAsJsonAsync($"/api/v1/scenarios/{published}/case", new { title = "t", summary = "s", outcomes = new[] { new { name = "n", value = 1m, unit = "%" } } }, Ct);
        var problem = await ScenarioDriver.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("只有已交付的场景才能成为案例", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var caseId = await ScenarioDriver.CaseAsync(owner, office);
        var cases = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/cases", Ct);
        var created = cases.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == caseId);
        Assert.Equal(-52.5m, created.GetProperty("outcomes")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_eleventh_benchmark_case_of_a_year_is_refused_also_when_two_requests_race()
    {
        var office = await _drive.OfficeAsync();
        var secondOffice = await _drive.OfficeAsync();
        // The reward is an award under the pack's benchmark-case program: its yearly budget must be set first.
        var budget = await office.Client.PutAsJsonAsync("/api/v1/incentives/programs/benchmark-case-reward/parameters/annual_budget",
            new { value = 100_000_000m, effectiveFrom = new DateOnly(2025, 3, 9) }, Ct);
        budget.EnsureSuccessStatusCode();
        var cases = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            // One enterprise per case: the program caps an enterprise's year at one reward.
            cases.Add(await ScenarioDriver.CaseAsync(await _drive.OwnerAsync(), office));
        }

        foreach (var id in cases.Take(9))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await office.Client.PostAsync($"/api/v1/cases/{id}/benchmark", null, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await office.Client.PostAsync($"/api/v1/cases/{cases[0]}/benchmark", null, Ct)).StatusCode);
        var race = await Task.WhenAll(
            office.Client.PostAsync($"/api/v1/cases/{cases[9]}/benchmark", null, Ct),
            secondOffice.Client.PostAsync($"/api/v1/cases/{cases[10]}/benchmark", null, Ct));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], race.Select(r => r.StatusCode).Order());
        var refused = await ScenarioDriver.ProblemAsync(race.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Contains("10项的名额", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var eleventh = await ScenarioDriver.ProblemAsync(await office.Client.PostAsync($"/api/v1/cases/{cases[11]}/benchmark", null, Ct), HttpStatusCode.Conflict);
        Assert.Equal("year", eleventh.GetProperty("field").GetString());
        var listed = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/cases", Ct);
        Assert.Equal(10, listed.EnumerateArray().Count(c => c.GetProperty("benchmarkYear").ValueKind == JsonValueKind.Number));

        // Every designation is an award in the one ledger, and benchmark_cases for the Index is the same tally.
        await using var scope = app.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<ILiveIndicatorSource>().Single(s => s.GetType().Name == "AwardIndicators");
        var observations = await source.ReadAsync(Ct);
        var counted = Assert.Single(observations, o => o.Indicator == "benchmark_cases");
        Assert.Equal((10m, "province"), (counted.Value, counted.Scope));
        Assert.Equal(80_000_000m, Assert.Single(observations, o => o.Indicator == "incentive_award_yuan" && o.Scope == "province").Value);
    }
}

// The whole app, not Scenarios alone: a designation is an award counted against Incentives' real yearly quota.
public sealed class BenchmarkCasesOnSqlite(ScenariosWholeSqliteApp app) : BenchmarkCaseTests(app), IClassFixture<ScenariosWholeSqliteApp>;

public sealed class BenchmarkCasesOnPostgres(ScenariosWholePostgresApp app) : BenchmarkCaseTests(app), IClassFixture<ScenariosWholePostgresApp>;
