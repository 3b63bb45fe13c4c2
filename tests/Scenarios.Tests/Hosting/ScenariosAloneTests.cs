using System.Net;
using Funeng.Incentives.Contracts;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Hosting;

/// <summary>
/// The module-only host the Scenarios tests run on boots Scenarios and Platform and nothing of the other five
/// modules: no service, page or endpoint of theirs; what Scenarios asks of Policy, Incentives and Catalog goes to fakes.
/// </summary>
public sealed class ScenariosAloneTests(ScenariosSqliteApp app) : IClassFixture<ScenariosSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_host_registers_Scenarios_and_Platform_and_nothing_of_the_other_modules() => Assert.Empty(app.BootProblems());

    [Fact]
    public async Task Another_modules_pages_and_api_are_not_there_while_scenarios_are()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/incentives/programs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/catalog", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/scenarios", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scenarios", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_benchmark_designation_is_awarded_through_the_fake_incentives_under_the_program_it_names()
    {
        var drive = new ScenarioDriver(app);
        var owner = await drive.OwnerAsync();
        var office = await drive.OfficeAsync();
        var caseId = await ScenarioDriver.CaseAsync(owner, office);
        var awards = app.Services.GetRequiredService<FakeResultAwards>();
        awards.SetQuotaProgram("benchmark_cases", "test-benchmark-program");

        var designated = await office.Client.PostAsync($"/api/v1/cases/{caseId}/benchmark", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, designated.StatusCode);
        var request = Assert.Single(awards.Calls.Of(nameof(IResultAwards.AwardAsync)).Select(c => (ResultAwardRequest)c.Arguments[0]!), r => r.BasisId == caseId);
        Assert.Equal(("test-benchmark-program", AwardBasis.BenchmarkDesignation, owner.OrganisationId), (request.ProgramId, request.Basis, request.OrganisationId));
        Assert.Equal(HttpStatusCode.Conflict, (await office.Client.PostAsync($"/api/v1/cases/{caseId}/benchmark", null, Ct)).StatusCode);
    }
}
