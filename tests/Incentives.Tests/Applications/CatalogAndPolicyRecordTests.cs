using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Security;
using Funeng.Policy.Contracts;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Applications;

/// <summary>
/// Incentives with the real neighbours whose records it reads: an enterprise's facts from its Catalog profile, the
/// pack's figures against Policy's targets. On the whole app on purpose: each test is about the two modules agreeing,
/// which a fake cannot tell (Incentives alone reading a fake profile: <c>IncentivesAloneTests</c>).
/// </summary>
public abstract class CatalogAndPolicyRecordTests(FunengApp app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_calculator_for_a_registered_enterprise_reads_city_sector_and_qualifications_from_its_catalog_profile()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        // What the enterprise once told Incentives is out of date: its catalog profile is the record.
        var stale = new FactValues(new Dictionary<string, string> { ["city"] = "shenzhen", ["sector"] = "finance", ["project_type"] = "ai_new_industrialisation_case", ["in_key_cluster"] = "true" }, []);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", stale, Cancel)).EnsureSuccessStatusCode();
        (await enterprise.Client.PutAsJsonAsync($"/api/v1/catalog/organisations/{enterprise.OrganisationId}",
            new { legalNameZh = "广州档案一致科技有限公司", citySlug = "guangzhou", sectors = new[] { "general", "manufacturing" } }, Cancel)).EnsureSuccessStatusCode();
        (await enterprise.Client.PostAsJsonAsync($"/api/v1/catalog/organisations/{enterprise.OrganisationId}/qualifications",
            new { kind = "national_single_champion", issuer = "工业和信息化部", validFrom = "2025-11-20", evidence = "第九批制造业单项冠军名单" }, Cancel)).EnsureSuccessStatusCode();

        var profile = await (await enterprise.Client.GetAsync("/api/v1/incentives/profile", Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("guangzhou", profile.GetProperty("city").GetString());
        var check = await (await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/eligibility", new { }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        JsonElement Step(string program, string rule) => check.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetString() == program)
            .GetProperty("trace").EnumerateArray().Single(s => s.GetProperty("rule").GetString() == rule);

        // "general" is not a sector the pack's programs ask about, so the first listed one they do (manufacturing) counts.
        Assert.Equal("pass", Step("benchmark-case-reward", "manufacturing").GetProperty("result").GetString());
        Assert.Equal("pass", Step(IncentivesTestData.Champion, "holds-single-champion").GetProperty("result").GetString());
    }

    [Fact]
    public async Task Pack_figures_agree_with_the_policy_targets_they_name()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var targets = await scope.ServiceProvider.GetRequiredService<IPolicyQueries>().ListTargetsAsync(new TargetFilter(), Cancel);
        var linked = GuangdongPrograms.Pack.Programs.SelectMany(p => p.Parameters.Where(x => x.Target is not null).Select(x => (Program: p, Parameter: x))).ToList();
        Assert.Equal(["benchmark_case_reward", "benchmark_cases", "major_project_provincial_support", "single_champion_reward"], linked.Select(l => l.Parameter.Target).Order());
        foreach (var (program, parameter) in linked)
        {
            var target = Assert.Single(targets, t => t.Indicator == parameter.Target);
            Assert.True(target.Value == Assert.Single(parameter.Values).Value, $"{program.Id}.{parameter.Name} disagrees with {target.Indicator}");
            Assert.Equal(target.ValidTo, program.ValidTo);
        }
    }
}

public sealed class CatalogAndPolicyRecordOnSqlite(SqliteApp app) : CatalogAndPolicyRecordTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogAndPolicyRecordOnPostgres(PostgresApp app) : CatalogAndPolicyRecordTests(app), IClassFixture<PostgresApp>;
