using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Funeng.Incentives.Applications;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Incentives.Profiles;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Indicators;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Funeng.Incentives.Tests.Applications;

/// <summary>
/// From profile to paid award over the real HTTP pipeline, with Incentives booted alone, on SQLite and on PostgreSQL
/// (what Catalog's profile and Policy's targets add: <see cref="CatalogAndPolicyRecordTests"/>).
/// </summary>
public abstract class ApplicationFlowTests(ITestApp app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_calculators_trace_names_facts_and_values_by_their_labels_in_the_readers_language()
    {
        var facts = new FactValues(new Dictionary<string, string> { ["untrustworthy"] = "false", ["sector"] = "finance", ["project_type"] = "other", ["in_key_cluster"] = "true" }, []);

        async Task<string?> ManufacturingStepAsync(string query)
        {
            var answer = await (await app.Anonymous().PostAsJsonAsync("/api/v1/incentives/eligibility" + query, new { facts }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
            return answer.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetString() == "benchmark-case-reward")
                .GetProperty("trace").EnumerateArray().Single(s => s.GetProperty("rule").GetString() == "manufacturing").GetProperty("detail").GetString();
        }

        Assert.Equal("“所属行业”为“智慧金融”，不属于：智能制造、机器人", await ManufacturingStepAsync(""));
        Assert.Equal("Sector = Finance, not one of: Intelligent manufacturing, Robots", await ManufacturingStepAsync("?culture=en"));
    }

    [Fact]
    public async Task An_enterprise_checks_applies_and_is_awarded_and_the_award_reaches_ledger_report_and_live_counts()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await IncentivesTestData.SetParameterAsync(office, IncentivesTestData.Champion, "annual_budget", 10_000_000m);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", IncentivesTestData.ChampionFacts("shenzhen"), Cancel)).EnsureSuccessStatusCode();

        var check = await (await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/eligibility", new { }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var champion = check.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetString() == IncentivesTestData.Champion);
        Assert.Equal("eligible", champion.GetProperty("outcome").GetString());
        Assert.Equal(3_000_000m, champion.GetProperty("maximumAmount").GetDecimal());
        Assert.Contains(champion.GetProperty("trace").EnumerateArray(), s => s.GetProperty("rule").GetString() == "holds-single-champion" && s.GetProperty("result").GetString() == "pass");

        var submitted = await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = IncentivesTestData.Champion }, Cancel);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        // The audit entry of the submission names the program and the applicant, not their code and id.
        var programName = app.Services.GetRequiredService<Programs.ProgramCatalog>().Get(IncentivesTestData.Champion).Name;
        var entry = (await AuditPage.ReadAsync(office.Client, "zh-CN", Cancel)).Single(r => r.Record.EndsWith(id.ToString(), StringComparison.Ordinal));
        Assert.Contains($"申报项目 {programName.Zh}，", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(IncentivesTestData.Champion, entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(enterprise.OrganisationId.ToString()!, entry.Details, StringComparison.Ordinal);

        var incomplete = await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/completeness", new { complete = true }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        foreach (var document in new[] { "champion_certificate", "audited_accounts" })
        {
            using var form = new MultipartFormDataContent { { new StringContent(document), "documentKey" }, { new ByteArrayContent("%PDF-1.4 scan"u8.ToArray()), "file", document + ".pdf" } };
            (await enterprise.Client.PostAsync($"/api/v1/incentives/applications/{id}/attachments", form, Cancel)).EnsureSuccessStatusCode();
        }

        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/completeness", new { complete = true, note = "all documents present" }, Cancel)).EnsureSuccessStatusCode();
        var tooMuch = await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "meets the rules", amount = 3_000_001m }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        var decided = await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "holds the title" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var awardId = (await decided.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        (await office.Client.PostAsync($"/api/v1/incentives/awards/{awardId}/payment", null, Cancel)).EnsureSuccessStatusCode();

        var awards = await enterprise.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/awards", Cancel);
        Assert.Equal("paid", Assert.Single(awards.EnumerateArray()).GetProperty("status").GetString());
        var year = DateTime.UtcNow.Year;
        var report = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/incentives/reports/budget?year={year}", Cancel);
        var row = report.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetString() == IncentivesTestData.Champion);
        Assert.Equal((10_000_000m, 0m, 3_000_000m, 7_000_000m), (row.GetProperty("budget").GetDecimal(), row.GetProperty("committed").GetDecimal(), row.GetProperty("paid").GetDecimal(), row.GetProperty("available").GetDecimal()));
        Assert.Equal("shenzhen", Assert.Single(report.GetProperty("cities").EnumerateArray(), c => c.GetProperty("programId").GetString() == IncentivesTestData.Champion).GetProperty("city").GetString());
        var excel = await office.Client.GetAsync($"/api/v1/incentives/reports/budget.xlsx?year={year}", Cancel);
        var workbook = await excel.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(workbook[..2]));
        // The header row is in the reader's language (Chinese unless chosen otherwise), with the money's unit.
        using var sheet = new MemoryStream(workbook);
        var header = (IDictionary<string, object?>)MiniExcelLibs.MiniExcel.Query(sheet, sheetName: "各项目").First();
        Assert.Equal(["项目代码", "项目", "年度", "预算（元）", "已承诺（元）", "已拨付（元）", "可用（元）", "奖补", "已追回（元）"], header.Values.Select(v => v?.ToString()));

        await using var scope = app.Services.CreateAsyncScope();
        var live = await scope.ServiceProvider.GetServices<ILiveIndicatorSource>().Single(s => s.GetType().Namespace!.StartsWith("Funeng.Incentives", StringComparison.Ordinal)).ReadAsync(Cancel);
        Assert.Contains(live, o => o.Indicator == "incentive_award_yuan" && o.Scope == "city:shenzhen" && o.Year == year && o.Value == 3_000_000m);
        var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
        await Awards.LedgerAssertions.AssertBalancedAsync(db, IncentivesTestData.Champion, year);

        var noReason = await office.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{awardId}/clawback?culture=zh-CN", new { reason = " " }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("追回奖补须说明理由。", (await noReason.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("reason")[0].GetString());
        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/awards/{awardId}/clawback", new { reason = "title withdrawn" }, Cancel)).EnsureSuccessStatusCode();
        await Awards.LedgerAssertions.AssertBalancedAsync(db, IncentivesTestData.Champion, year);
        Assert.Equal(AwardStatus.ClawedBack, (await db.Awards.AsNoTracking().SingleAsync(a => a.Id == awardId, Cancel)).Status);

        // The program's measure page shows the same money as the budget report, summed over its years.
        var allYears = await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/reports/budget", Cancel);
        var championYears = allYears.GetProperty("programs").EnumerateArray().Where(p => p.GetProperty("programId").GetString() == IncentivesTestData.Champion).ToList();
        decimal Total(string field) => championYears.Sum(p => p.GetProperty(field).GetDecimal());
        var measures = scope.ServiceProvider.GetServices<Funeng.Kernel.Measures.IMeasureImplementations>().Single(s => s.GetType().Namespace!.StartsWith("Funeng.Incentives", StringComparison.Ordinal));
        var program = (await measures.ListAsync(Cancel)).Single(m => m.Link == $"/incentives/programs/{IncentivesTestData.Champion}");
        Assert.Equal(new Funeng.Kernel.Measures.MeasureMoney(Total("committed"), Total("paid"), Total("clawedBack")), program.Money);
        Assert.True(program.Money!.ClawedBack >= 3_000_000m, $"clawed back {program.Money.ClawedBack}");
    }

    [Fact]
    public async Task An_enterprise_on_the_untrustworthy_list_is_ineligible_everywhere_and_cannot_apply()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", IncentivesTestData.ChampionFacts(), Cancel)).EnsureSuccessStatusCode();
        (await office.Client.PutAsJsonAsync($"/api/v1/incentives/profiles/{enterprise.OrganisationId}/untrustworthy", new { listed = true, reason = "court list" }, Cancel)).EnsureSuccessStatusCode();

        var check = await (await office.Client.PostAsJsonAsync("/api/v1/incentives/eligibility", new { organisationId = enterprise.OrganisationId }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.All(check.GetProperty("programs").EnumerateArray(), p =>
        {
            Assert.Equal("ineligible", p.GetProperty("outcome").GetString());
            Assert.Contains("untrustworthy", p.GetProperty("failed").EnumerateArray().Select(f => f.GetString()));
        });
        var refused = await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = IncentivesTestData.Champion }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Fact]
    public async Task Typed_facts_missing_a_value_answer_unknown_and_name_what_is_needed()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/incentives/eligibility",
            new { facts = new { values = new Dictionary<string, string> { ["untrustworthy"] = "false", ["project_type"] = "ai_new_industrialisation_case", ["in_key_cluster"] = "true" }, qualifications = Array.Empty<object>() } }, Cancel);
        var check = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var benchmark = check.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("programId").GetString() == "benchmark-case-reward");
        Assert.Equal("unknown", benchmark.GetProperty("outcome").GetString());
        Assert.Equal(["sector"], benchmark.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));

        var bad = await app.Anonymous().PostAsJsonAsync("/api/v1/incentives/eligibility?culture=zh-CN", new { facts = new { values = new Dictionary<string, string> { ["city"] = "atlantis", ["colour"] = "red" }, qualifications = Array.Empty<object>() } }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("“atlantis”不是广东省的城市（如 guangzhou、shenzhen）。", errors.GetProperty("facts.city")[0].GetString());
        Assert.Equal("本政策包没有这一事实项。", errors.GetProperty("facts.colour")[0].GetString());
        var nothing = await app.Anonymous().PostAsJsonAsync("/api/v1/incentives/eligibility?culture=zh-CN", new { }, Cancel);
        Assert.Equal("请提供企业情况，或已注册企业的 organisationId。",
            (await nothing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").GetProperty("facts")[0].GetString());
    }

    [Fact]
    public async Task Screening_everyone_notifies_each_newly_eligible_enterprise_once()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        (await enterprise.Client.PutAsJsonAsync("/api/v1/incentives/profile", IncentivesTestData.ChampionFacts(), Cancel)).EnsureSuccessStatusCode();

        var first = await (await office.Client.PostAsync("/api/v1/incentives/screenings", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var second = await (await office.Client.PostAsync("/api/v1/incentives/screenings", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(first.GetProperty("notified").GetInt32() >= 1);
        Assert.Equal(0, second.GetProperty("notified").GetInt32());
        var inbox = await enterprise.Client.GetStringAsync("/api/v1/account/notifications", Cancel);
        Assert.Contains("single-champion-reward", inbox, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-12-31", true)]
    [InlineData("2028-01-01", false)]
    public async Task The_packs_validity_window_accepts_an_application_on_its_last_day_and_refuses_the_next(string date, bool accepted)
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        await using var scope = app.Services.CreateAsyncScope();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(date + "T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, enterprise.UserId), new Claim(FunengClaims.Organisation, enterprise.OrganisationId.ToString()), new Claim(ClaimTypes.Role, Roles.Enterprise)], "test"));
        var actor = Actor.From(principal);
        var profiles = ActivatorUtilities.CreateInstance<EnterpriseProfiles>(scope.ServiceProvider, actor, clock);
        var submit = ActivatorUtilities.CreateInstance<SubmitApplication>(scope.ServiceProvider, actor, clock, profiles);

        var attempt = () => submit.SubmitAsync(IncentivesTestData.Champion, IncentivesTestData.ChampionFacts(), Cancel);
        if (accepted)
        {
            Assert.Equal(new DateOnly(2027, 12, 31), (await attempt()).SubmittedOn);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(attempt);
            var chinese = refused.Description.In(scope.ServiceProvider.GetRequiredService<UiText>(), System.Globalization.CultureInfo.GetCultureInfo(UiCultures.Chinese));
            Assert.EndsWith("至 2027-12-31，2028-01-01 不在其内。", chinese, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Voucher_awards_are_listed_for_the_compute_module()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        foreach (var (name, value) in new[] { ("voucher_rate", 0.5m), ("max_voucher", 1_000_000m), ("annual_budget", 5_000_000m) })
        {
            await IncentivesTestData.SetParameterAsync(office, "compute-vouchers", name, value);
        }

        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var facts = new { values = new Dictionary<string, string> { ["compute_need"] = "true", ["eligible_investment"] = "600000" }, qualifications = Array.Empty<object>() };
        var submitted = await enterprise.Client.PostAsJsonAsync("/api/v1/incentives/applications", new { programId = "compute-vouchers", facts }, Cancel);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var form = new MultipartFormDataContent { { new StringContent("compute_plan"), "documentKey" }, { new ByteArrayContent("plan"u8.ToArray()), "file", "plan.txt" } };
        (await enterprise.Client.PostAsync($"/api/v1/incentives/applications/{id}/attachments", form, Cancel)).EnsureSuccessStatusCode();
        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/completeness", new { complete = true }, Cancel)).EnsureSuccessStatusCode();
        (await office.Client.PostAsJsonAsync($"/api/v1/incentives/applications/{id}/decision", new { approve = true, reasons = "needs compute" }, Cancel)).EnsureSuccessStatusCode();

        await using var scope = app.Services.CreateAsyncScope();
        var vouchers = await scope.ServiceProvider.GetRequiredService<IIncentiveQueries>().ListVoucherAwardsAsync(enterprise.OrganisationId, Cancel);
        Assert.Equal(300_000m, Assert.Single(vouchers).FaceValue);
    }
}

public sealed class ApplicationFlowOnSqlite(IncentivesSqliteApp app) : ApplicationFlowTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ApplicationFlowOnPostgres(IncentivesPostgresApp app) : ApplicationFlowTests(app), IClassFixture<IncentivesPostgresApp>;
