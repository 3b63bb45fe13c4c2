using System.Net;
using Funeng.Kernel.Security;
using Funeng.Policy.Contracts;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Compute.Tests.Hosting;

/// <summary>
/// The module-only host the Compute tests run on boots Compute and Platform and nothing of the other five modules:
/// no service, page or endpoint of theirs beyond the contracts between them; the Policy targets Compute reads are
/// answered by a fake.
/// </summary>
public sealed class ComputeAloneTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_host_registers_Compute_and_Platform_and_of_the_others_only_Incentives_contract_it_implements()
    {
        // Compute handles Incentives' voucher awards (a contract of Incentives'); Policy's targets come from a fake.
        Assert.Empty(app.BootProblems(typeof(Incentives.Contracts.IVoucherAwardHandler)));
        Assert.IsType<FakePolicyQueries>(app.Services.GetRequiredService<IPolicyQueries>());
    }

    [Fact]
    public async Task Another_modules_pages_and_api_are_not_there_while_computes_are()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/policy/documents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/incentives/register", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/compute/centres", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compute", Ct)).StatusCode);
    }

    [Fact]
    public async Task Capacity_is_measured_against_the_targets_policy_answers_and_the_fake_saw_the_query()
    {
        var policy = app.Services.GetRequiredService<FakePolicyQueries>();
        policy.Answer(ComputeDriver.ProvinceEflopsGoal(2027, 60m), ComputeDriver.ProvinceEflopsGoal(2025, 40m));
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await ComputeDriver.RegisterCentreAsync(office, "Alone " + ComputeDriver.UniqueAccelerator(), "meizhou", ComputeDriver.UniqueAccelerator(), 10, 5m);

        var scopes = await ComputeDriver.CapacityAsync(app);
        var home = await app.Anonymous().GetStringAsync("/compute", Ct);

        var province = scopes.Single(s => s.Scope == "province");
        Assert.Equal([2025, 2027], province.Targets.Select(t => t.Year));
        Assert.Contains(policy.Calls.Of(nameof(IPolicyQueries.ListTargetsAsync)), c => c.Arguments[0] is TargetFilter { Indicator: "compute_capacity" });
        // The front page shows Policy's targets table by name; alone, the fake stands in and saw what was asked.
        Assert.Contains("<p data-fake=\"PolicyTargets\">compute_capacity,urban_compute_latency</p>", home, StringComparison.Ordinal);
        Assert.Contains(app.Services.GetRequiredService<FakeViewComponents>().Calls.Of("PolicyTargets"), c => Equals(c.Arguments[0], "compute_capacity,urban_compute_latency"));
    }
}
