using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Incentives.Tests.Pages;

/// <summary>Office staff set a figure the pack left unset on a page: value and date, checked field by field, audited.</summary>
public abstract class ParameterPageTests(ITestApp app)
{
    private const string Page = "/incentives/parameters";

    [Fact]
    public async Task Office_staff_set_an_unset_budget_from_a_date_and_the_page_shows_its_value_and_history()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var before = await office.Client.GetStringAsync(Page, TestContext.Current.CancellationToken);
        Assert.Contains("data-parameter=\"annual_budget\"", before, StringComparison.Ordinal);
        Assert.Contains("class=\"unset\"", before, StringComparison.Ordinal);

        var response = await PageForms.PostAsync(office.Client, Page, Page, Fields(IncentivesTestData.Champion, "annual_budget", "30,000,000", "2026-01-01"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var history = Assert.Single(await HistoryAsync(office, IncentivesTestData.Champion, "annual_budget"));
        Assert.Equal(30_000_000m, history.GetProperty("value").GetDecimal());
        Assert.Equal("2026-01-01", history.GetProperty("from").GetString());
        var after = await office.Client.GetStringAsync(Page, TestContext.Current.CancellationToken);
        Assert.Contains("2026-01-01: 30,000,000", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_set_from_a_later_date_leaves_todays_value_in_force_until_then()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await PageForms.PostAsync(office.Client, Page, Page, Fields("compute-vouchers", "max_voucher", "500000", "2025-01-01"));

        await PageForms.PostAsync(office.Client, Page, Page, Fields("compute-vouchers", "max_voucher", "800000", "2099-01-01"));

        var history = await HistoryAsync(office, "compute-vouchers", "max_voucher");
        Assert.Equal(["2025-01-01", "2099-01-01"], history.Select(h => h.GetProperty("from").GetString()));
        var view = await office.Client.GetFromJsonAsync<JsonElement>("/api/v1/incentives/programs/compute-vouchers", TestContext.Current.CancellationToken);
        Assert.Equal(500_000m, view.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "max_voucher").GetProperty("valueToday").GetDecimal());
    }

    [Fact]
    public async Task A_bad_value_and_a_missing_date_come_back_on_the_page_by_field_and_nothing_is_set()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);

        var response = await PageForms.PostAsync(office.Client, Page, Page, Fields("first-of-kind-support", "support_rate", "1.5", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("data-field=\"value\">比例应在 0 与 1 之间。", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"effectiveFrom\">请填写数值开始适用的日期。", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1.5\"", html, StringComparison.Ordinal); // what was typed is kept
        Assert.Empty(await HistoryAsync(office, "first-of-kind-support", "support_rate"));
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused_with_the_programs_name_in_the_readers_language()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var value = new { value = 1m, effectiveFrom = new DateOnly(2026, 1, 1) };

        var chinese = await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/{IncentivesTestData.Champion}/parameters/no_such", value, TestContext.Current.CancellationToken);
        var english = await office.Client.PutAsJsonAsync($"/api/v1/incentives/programs/{IncentivesTestData.Champion}/parameters/no_such?culture=en", value, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, chinese.StatusCode);
        Assert.Equal("“no_such”不是“国家级单项冠军企业奖励”的参数。", (await chinese.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString());
        Assert.Equal("'no_such' is not a parameter of Reward for national single-champion enterprises.", (await english.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_office_staff_reach_the_parameter_page()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var response = await enterprise.Client.GetAsync(Page, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<List<JsonElement>> HistoryAsync(ActingUser office, string program, string parameter)
    {
        var view = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/incentives/programs/{program}", TestContext.Current.CancellationToken);
        return view.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == parameter).GetProperty("history").EnumerateArray().ToList();
    }

    private static KeyValuePair<string, string>[] Fields(string program, string name, string value, string from) =>
        [new("programId", program), new("name", name), new("value", value), new("effectiveFrom", from)];
}

public sealed class ParameterPageOnSqlite(IncentivesSqliteApp app) : ParameterPageTests(app), IClassFixture<IncentivesSqliteApp>;

public sealed class ParameterPageOnPostgres(IncentivesPostgresApp app) : ParameterPageTests(app), IClassFixture<IncentivesPostgresApp>;
