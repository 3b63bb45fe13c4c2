using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Catalog.Contracts;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Security;
using Funeng.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Tests.Hosting;

/// <summary>
/// The module-only host the Incentives tests run on boots Incentives and Platform and nothing of the other five
/// modules: no service, page or endpoint of theirs; what Incentives asks of Catalog and tells Compute goes to fakes.
/// </summary>
public sealed class IncentivesAloneTests(IncentivesSqliteApp app) : IClassFixture<IncentivesSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_host_registers_Incentives_and_Platform_and_nothing_of_the_other_modules() => Assert.Empty(app.BootProblems());

    [Fact]
    public async Task Another_modules_pages_and_api_are_not_there_while_incentives_are()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/catalog/search?q=robot", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/compute", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/incentives/programs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/incentives/register", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_calculator_page_embeds_policys_targets_table_which_the_fake_stands_in_for()
    {
        var fake = app.Services.GetRequiredService<FakeViewComponents>();
        var before = fake.Calls.Of("PolicyTargets").Count;

        var page = await app.Anonymous().GetStringAsync("/incentives", Ct);

        Assert.Contains("data-fake=\"PolicyTargets\"", page, StringComparison.Ordinal);
        Assert.Contains(fake.Calls.Of("PolicyTargets").Skip(before), c => (c.Arguments[0] as string ?? "").Contains("single_champion_reward", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_calculator_reads_city_sector_and_qualifications_from_the_profile_the_fake_catalog_holds()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        // What the enterprise once told Incentives is out of date: its catalog profile is the record.
        var stale = new FactValues(new Dictionary<string, string> { ["city"] = "shenzhen", ["sector"] = "finance", ["project_type"] = "ai_new_industrialisation_case", ["in_key_cluster"] = "true" }, []);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", stale, Ct)).EnsureSuccessStatusCode();
        var catalog = app.Services.GetRequiredService<FakeCatalogQueries>();
        catalog.Add(new OrganisationProfile(enterprise.OrganisationId, "广州档案一致科技有限公司", "", null, "guangzhou", null, null, ["general", "manufacturing"],
            [new QualificationSummary("national_single_champion", "工业和信息化部", new DateOnly(2025, 11, 20), null)]));

        var profile = await enterprise.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/profile", Ct);
        var check = await (await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/eligibility", new { }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal("guangzhou", profile.GetProperty("city").GetString());
        JsonElement Step(string program, string rule) => check.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetString() == program)
            .GetProperty("trace").EnumerateArray().Single(s => s.GetProperty("rule").GetString() == rule);
        Assert.Equal("pass", Step("benchmark-case-reward", "manufacturing").GetProperty("result").GetString());
        Assert.Equal("pass", Step(IncentivesTestData.Champion, "holds-single-champion").GetProperty("result").GetString());
        Assert.Contains(catalog.Calls.Of(nameof(ICatalogQueries.FindOrganisationAsync)), c => Equals(c.Arguments[0], enterprise.OrganisationId));
    }

    [Fact]
    public async Task An_approved_voucher_award_is_handed_to_the_fake_compute_once_it_has_committed()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        foreach (var (name, value) in new[] { ("voucher_rate", 0.5m), ("max_voucher", 1_000_000m), ("annual_budget", 5_000_000m) })
        {
            await IncentivesTestData.SetParameterAsync(office, "compute-vouchers", name, value);
        }

        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var facts = new { values = new Dictionary<string, string> { ["compute_need"] = "true", ["eligible_investment"] = "600000" }, qualifications = Array.Empty<object>() };
        var submitted = await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = "compute-vouchers", facts }, Ct);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent { { new StringContent("compute_plan"), "documentKey" }, { new ByteArrayContent("plan"u8.ToArray()), "file", "plan.txt" } };
        (await enterprise.Client.PostAsync($"/api/v1/incentives/applications/{id}/attachments", form, Ct)).EnsureSuccessStatusCode();
        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/completeness", new { complete = true }, Ct)).EnsureSuccessStatusCode();

        var decided = await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "needs compute" }, Ct);

        decided.EnsureSuccessStatusCode();
        var awardId = (await decided.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var delivered = Assert.Single(app.Services.GetRequiredService<FakeVoucherAwardHandler>().Delivered, a => a.AwardId == awardId);
        Assert.Equal((enterprise.OrganisationId, 300_000m, true), (delivered.OrganisationId, delivered.FaceValue, delivered.Active));
        Assert.Equal("compute-vouchers", delivered.ProgramId);
    }
}
