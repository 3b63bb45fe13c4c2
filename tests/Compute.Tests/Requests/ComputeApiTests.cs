using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Planning;
using Funeng.Compute.Registry;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Compute.Jobs;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using Funeng.TestSupport.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Requests;

/// <summary>
/// Compute's API and request pages by themselves, on Compute's module-only host (the Policy targets it reads come
/// from the host's fake). How Compute shows in other modules (a measure page counting the sectors requests serve)
/// is in <see cref="ComputeInOtherModulesTests"/>, on the whole app.
/// </summary>
public abstract class ComputeApiTests(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The set-up most of these tests share: office staff, an enterprise, and one centre in Guangzhou with an accelerator of its own.</summary>
    private async Task<(ActingUser Office, ActingUser Enterprise, string Accelerator, CentreView Centre)> OneCentreAsync(string name, int devices, decimal price)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        return (office, enterprise, accelerator, await RegisterCentreAsync(office, name + " " + accelerator, "guangzhou", accelerator, devices, price));
    }

    [Fact]
    public async Task An_enterprise_request_is_placed_explained_and_debits_its_voucher()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        var dear = await RegisterCentreAsync(office, "Dear " + accelerator, "guangzhou", accelerator, 16, 20m);
        var cheap = await RegisterCentreAsync(office, "Cheap " + accelerator, "guangzhou", accelerator, 16, 10m);
        var voucher = await GrantAsync(office, enterprise.OrganisationId, "device_hours", 100);
        await office.Client.PutAsJsonAsync("/api/v1/compute/policy", new { policy = "cheapest" }, Json, Ct);

        var request = await SubmitAsync(enterprise, accelerator, devices: 4, hours: 5, vouchers: [voucher.Id]);

        Assert.True(RequestLifecycle.IsActive(request.State), $"{request.State}"); // running once the watcher has looked
        Assert.Equal(cheap.Id, request.Placement!.CentreId);
        Assert.Equal(200m, request.Placement.Cost);
        Assert.Equal("cheapest", request.Explanation!.Policy);
        Assert.Contains(request.Explanation.Rejected, r => r.Centre == dear.NameEn && r.Code == "not_best");
        var balance = Assert.Single(await VouchersAsync(enterprise));
        Assert.Equal(80m, balance.Remaining); // 4 devices × 5 h
    }

    [Fact]
    public async Task Each_request_names_the_centre_and_pool_it_was_placed_on()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var (north, south) = (UniqueAccelerator(), UniqueAccelerator());
        await RegisterCentreAsync(office, "North " + north, "guangzhou", north, 8, 10m);
        await RegisterCentreAsync(office, "South " + south, "guangzhou", south, 8, 10m);
        var first = await SubmitAsync(enterprise, north, devices: 1, hours: 1);
        var second = await SubmitAsync(enterprise, south, devices: 1, hours: 1);

        var mine = (await enterprise.Client.GetFromJsonAsync<List<RequestView>>("/api/v1/compute/requests/mine", Json, Ct))!;
        var alone = await GetAsync(enterprise, second.Id);

        static (string, string, string, string) Named(RequestView r) => (r.Placement!.CentreEn, r.Placement.CentreZh, r.Placement.Pool, r.Placement.Accelerator);
        Assert.Equal(("North " + north, $"North {north}中心", $"north {north.ToLowerInvariant()}-pool", north), Named(mine.Single(r => r.Id == first.Id)));
        Assert.Equal(("South " + south, $"South {south}中心", $"south {south.ToLowerInvariant()}-pool", south), Named(mine.Single(r => r.Id == second.Id)));
        Assert.Equal(Named(mine.Single(r => r.Id == second.Id)), Named(alone));
    }

    [Fact]
    public async Task A_request_without_accelerators_or_minimums_is_refused_naming_the_field()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var response = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests",
            new { title = "x", devices = 0, estimatedHours = 1, dataCity = "atlantis" }, Json, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("accelerators", body, StringComparison.Ordinal);
        Assert.Contains("devices", body, StringComparison.Ordinal);
        Assert.Contains("dataCity", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_carries_the_sector_it_serves_shown_on_its_pages_and_an_unknown_sector_is_refused_naming_the_field()
    {
        var (office, enterprise, accelerator, _) = await OneCentreAsync("Sector", 4, 10m);

        var request = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 1, sector: "medical");
        var unsaid = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 1);
        var refused = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests?culture=en",
            new { title = "x", accelerators = new[] { accelerator }, devices = 1, estimatedHours = 1, dataCity = "guangzhou", sector = "spaceflight" }, Json, Ct);

        Assert.Equal("medical", (await GetAsync(enterprise, request.Id)).Sector);
        Assert.Null(unsaid.Sector);
        var detail = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync($"/compute/requests/{request.Id}", Ct));
        Assert.Contains("<dd data-testid=\"sector\">医疗健康</dd>", detail, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await enterprise.Client.GetStringAsync("/compute/requests?culture=en", Ct));
        Assert.Contains("<td data-sector=\"medical\">Medical and health</td>", list, StringComparison.Ordinal);
        var form = await enterprise.Client.GetStringAsync("/compute/requests/new", Ct);
        Assert.Contains("<select id=\"Sector\" name=\"Sector\">", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"elder_care\">", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json, Ct))!;
        Assert.Equal(["sector"], problem.Errors.Keys);
        Assert.Equal("'spaceflight' is not a sector of the platform's taxonomy.", problem.Errors["sector"][0]);
        var refusedInChinese = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests?culture=zh-CN",
            new { title = "x", accelerators = new[] { accelerator }, devices = 1, estimatedHours = 1, dataCity = "guangzhou", sector = "spaceflight" }, Json, Ct);
        var chinese = (await refusedInChinese.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json, Ct))!;
        Assert.Equal("“spaceflight”不是平台行业分类中的行业。", chinese.Errors["sector"][0]);
    }

    [Fact]
    public async Task Finding_command_execution_on_the_cluster_a_request_carrying_a_shell_command_is_refused_naming_the_field()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var response = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests",
            new { title = "x", accelerators = new[] { "A100" }, devices = 1, estimatedHours = 1, dataCity = "guangzhou", command = "cat /etc/passwd" }, Json, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json, Ct))!;
        Assert.Equal(["command"], problem.Errors.Keys);
    }

    [Fact]
    public async Task A_request_naming_an_unregistered_template_or_giving_reserve_arguments_is_refused_naming_the_field()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var unknown = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests",
            new { title = "x", accelerators = new[] { "A100" }, devices = 1, estimatedHours = 1, dataCity = "guangzhou", template = "bash" }, Json, Ct);
        var extra = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests",
            new { title = "x", accelerators = new[] { "A100" }, devices = 1, estimatedHours = 1, dataCity = "guangzhou", template = "reserve", arguments = new { script = "rm -rf /" } }, Json, Ct);

        Assert.Equal(["template"], (await unknown.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json, Ct))!.Errors.Keys);
        Assert.Equal(["arguments.script"], (await extra.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json, Ct))!.Errors.Keys);
        var templates = (await enterprise.Client.GetFromJsonAsync<List<Funeng.Compute.Jobs.JobTemplateView>>("/api/v1/compute/job-templates", Json, Ct))!;
        Assert.Contains(templates, t => t.Name == "reserve");
    }

    [Fact]
    public async Task Taking_a_centre_down_re_places_its_jobs_elsewhere_and_loses_none()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        await office.Client.PutAsJsonAsync("/api/v1/compute/policy", new { policy = "cheapest" }, Json, Ct);
        var first = await RegisterCentreAsync(office, "First " + accelerator, "guangzhou", accelerator, 8, 5m);
        var second = await RegisterCentreAsync(office, "Second " + accelerator, "guangzhou", accelerator, 8, 9m);
        var voucher = await GrantAsync(office, enterprise.OrganisationId, "yuan", 10_000);
        List<RequestView> jobs = [];
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await SubmitAsync(enterprise, accelerator, devices: 4, hours: 2, vouchers: [voucher.Id]));
        }

        await RoundAsync(office); // the simulator reports the first two running
        Assert.All(jobs, j => Assert.Equal(first.Id, j.Placement!.CentreId));

        var down = await office.Client.PostAsJsonAsync($"/api/v1/compute/centres/{first.Id}/status", new { up = false }, Json, Ct);
        var result = (await down.Content.ReadFromJsonAsync<CentreStatusResult>(Json, Ct))!;

        Assert.Equal((false, 3, 3), (result.Up, result.JobsReturnedToQueue, result.JobsPlaced));
        foreach (var job in jobs)
        {
            var now = await GetAsync(enterprise, job.Id);
            Assert.True(RequestLifecycle.IsActive(now.State), $"{now.State}"); // placed, or running if the watcher has looked since
            Assert.Equal(second.Id, now.Placement!.CentreId);
            Assert.True(now.Placement.Active);
            Assert.Equal(2, now.Attempts);
        }

        // Each job is paid for once, at the second centre: 3 × 4 devices × 2 h × ¥9.
        var remaining = Assert.Single(await VouchersAsync(enterprise)).Remaining;
        Assert.Equal(10_000m - 216m, remaining);
    }

    [Fact]
    public async Task Cancelling_a_request_that_has_not_started_gives_its_voucher_back()
    {
        var (office, enterprise, accelerator, _) = await OneCentreAsync("Busy", 4, 5m);
        var voucher = await GrantAsync(office, enterprise.OrganisationId, "device_hours", 100);
        await SubmitAsync(enterprise, accelerator, devices: 4, hours: 10);
        var waiting = await SubmitAsync(enterprise, accelerator, devices: 4, hours: 2, vouchers: [voucher.Id]);
        Assert.True(waiting.Placement!.PlannedStart > DateTimeOffset.UtcNow.AddHours(9));
        Assert.Equal(92m, Assert.Single(await VouchersAsync(enterprise)).Remaining);

        var cancelled = await enterprise.Client.PostAsync($"/api/v1/compute/requests/{waiting.Id}/cancel", null, Ct);

        Assert.Equal(RequestState.Cancelled, (await cancelled.Content.ReadFromJsonAsync<RequestView>(Json, Ct))!.State);
        Assert.Equal(100m, Assert.Single(await VouchersAsync(enterprise)).Remaining);
        var again = await enterprise.Client.PostAsync($"/api/v1/compute/requests/{waiting.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("处于“已取消”状态的算力申请不能取消。", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        var inEnglish = await enterprise.Client.PostAsync($"/api/v1/compute/requests/{waiting.Id}/cancel?culture=en", null, Ct);
        Assert.Equal("A request that is cancelled cannot be cancelled.", (await inEnglish.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Capacity_rolls_up_to_eflops_per_city_and_province_against_the_policy_targets()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        app.Services.GetRequiredService<FakePolicyQueries>().Answer(ProvinceEflopsGoal(2027, 60m), ProvinceEflopsGoal(2025, 40m));
        await RegisterCentreAsync(office, "Capacity " + UniqueAccelerator(), "meizhou", UniqueAccelerator(), 1000, 5m);

        var scopes = await CapacityAsync(app);

        var meizhou = scopes.Single(s => s.Scope == "city:meizhou");
        Assert.Equal(1000 * 312 / 1e6, meizhou.Eflops, 6);
        var province = scopes.Single(s => s.Scope == "province");
        Assert.Equal([2025, 2027], province.Targets.Select(t => t.Year));
        Assert.Equal([40m, 60m], province.Targets.Select(t => t.Value));
        Assert.True(province.Eflops >= meizhou.Eflops);
    }

    [Fact]
    public async Task The_usage_report_shows_device_hours_and_voucher_use_per_centre_and_month()
    {
        var (office, enterprise, accelerator, centre) = await OneCentreAsync("Usage", 8, 10m);
        var voucher = await GrantAsync(office, enterprise.OrganisationId, "yuan", 50);
        var job = await SubmitAsync(enterprise, accelerator, devices: 2, hours: 3, vouchers: [voucher.Id]);

        var rows = (await enterprise.Client.GetFromJsonAsync<List<UsageRow>>("/api/v1/compute/reports/usage", Json, Ct))!;

        var row = Assert.Single(rows);
        Assert.Equal((centre.Id, ChinaTime.ToChina(job.Placement!.PlannedStart).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), 6d, 60m, 50m),
            (row.CentreId, row.Month, row.DeviceHours, row.Cost, row.VoucherYuan));
    }

    [Fact]
    public async Task The_usage_report_of_a_month_holds_that_months_placements_and_a_month_that_is_not_one_is_refused_naming_the_field()
    {
        var (office, enterprise, accelerator, centre) = await OneCentreAsync("Monthly", 8, 10m);
        var job = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 2, vouchers: [(await GrantAsync(office, enterprise.OrganisationId, "yuan", 5)).Id]);
        var month = ChinaMonth.Of(job.Placement!.PlannedStart);
        var next = ChinaMonth.Of(month.End);

        async Task<List<UsageRow>> UsageInAsync(string query) =>
            [.. (await enterprise.Client.GetFromJsonAsync<List<UsageRow>>("/api/v1/compute/reports/usage" + query, Json, Ct))!.Where(r => r.CentreId == centre.Id)];

        var row = Assert.Single(await UsageInAsync($"?month={month}"));
        Assert.Equal((month.ToString(), 2d, 5m), (row.Month, row.DeviceHours, row.VoucherYuan));
        Assert.Empty(await UsageInAsync($"?month={next}"));

        var refused = await enterprise.Client.GetAsync("/api/v1/compute/reports/usage?month=2026-13&culture=en", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json, Ct))!;
        Assert.Equal(["month"], problem.Errors.Keys);
        Assert.Equal("“2026-13” is not a month; write it year-month, e.g. 2026-05.", problem.Errors["month"][0]);

        // The office page: the month's rows with the centre named in the reader's language, none in the next month,
        // and a month that is not one shown as a problem on the page itself.
        var page = await app.SignInAsync(office, Ct);
        var chinese = WebUtility.HtmlDecode(await page.GetStringAsync($"/compute/office?month={month}", Ct));
        Assert.Contains($"<td>Monthly {accelerator}中心</td>", chinese, StringComparison.Ordinal);
        var english = WebUtility.HtmlDecode(await page.GetStringAsync($"/compute/office?month={month}&culture=en", Ct));
        Assert.Contains($"<td>Monthly {accelerator}</td>", english, StringComparison.Ordinal);
        Assert.DoesNotContain($"Monthly {accelerator}</td>", WebUtility.HtmlDecode(await page.GetStringAsync($"/compute/office?month={next}", Ct)), StringComparison.Ordinal);
        var wrong = await page.GetAsync("/compute/office?month=June", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("“June”不是月份，请写作 年-月，例如 2026-05。", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_of_a_centre_taken_out_of_the_registry_by_hand_is_still_reported_under_its_id()
    {
        var (office, enterprise, accelerator, centre) = await OneCentreAsync("Gone", 8, 10m);
        await SubmitAsync(enterprise, accelerator, devices: 1, hours: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComputeDb>();
            await db.Pools.Where(p => p.CentreId == centre.Id).ExecuteDeleteAsync(Ct);
            await db.Centres.Where(c => c.Id == centre.Id).ExecuteDeleteAsync(Ct);
        }

        var rows = (await enterprise.Client.GetFromJsonAsync<List<UsageRow>>("/api/v1/compute/reports/usage", Json, Ct))!;

        var row = Assert.Single(rows, r => r.CentreId == centre.Id);
        Assert.Equal((centre.Id.ToString(), centre.Id.ToString(), 1d), (row.CentreZh, row.CentreEn, row.DeviceHours));
    }

    [Fact]
    public async Task The_usage_report_of_one_enterprise_counts_only_its_own_voucher_debits()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var (one, other) = (await app.CreateUserAsync(Roles.Enterprise), await app.CreateUserAsync(Roles.Enterprise));
        var accelerator = UniqueAccelerator();
        var centre = await RegisterCentreAsync(office, "Shared " + accelerator, "guangzhou", accelerator, 8, 10m);
        await SubmitAsync(one, accelerator, devices: 1, hours: 2, vouchers: [(await GrantAsync(office, one.OrganisationId, "yuan", 15)).Id]);
        await SubmitAsync(other, accelerator, devices: 1, hours: 2, vouchers: [(await GrantAsync(office, other.OrganisationId, "device_hours", 1)).Id]);

        async Task<List<UsageRow>> UsageAtCentreAsync(ActingUser user) =>
            [.. (await user.Client.GetFromJsonAsync<List<UsageRow>>("/api/v1/compute/reports/usage", Json, Ct))!.Where(r => r.CentreId == centre.Id)];

        var own = Assert.Single(await UsageAtCentreAsync(one));
        Assert.Equal((one.OrganisationId, 15m, 0m), (own.OrganisationId, own.VoucherYuan, own.VoucherDeviceHours));
        var everyone = (await UsageAtCentreAsync(office)).ToDictionary(r => r.OrganisationId);
        Assert.Equal((15m, 0m), (everyone[one.OrganisationId].VoucherYuan, everyone[one.OrganisationId].VoucherDeviceHours));
        Assert.Equal((0m, 1m), (everyone[other.OrganisationId].VoucherYuan, everyone[other.OrganisationId].VoucherDeviceHours));
    }

    [Fact]
    public async Task The_request_form_reads_its_deadline_as_China_time_and_the_list_shows_planned_times_in_China_time()
    {
        var (office, enterprise, accelerator, _) = await OneCentreAsync("Clock", 4, 10m);
        var browser = await app.SignInAsync(enterprise, Ct);
        var form = await browser.GetStringAsync("/compute/requests/new?culture=zh-CN", Ct);

        var posted = await browser.PostAsync("/compute/requests/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "deadline typed in China time", ["Accelerators"] = accelerator, ["Devices"] = "1", ["EstimatedHours"] = "1",
            ["Deadline"] = "2030-01-01T10:00", ["DataCity"] = "guangzhou", ["Template"] = JobTemplates.Reserve,
            ["__RequestVerificationToken"] = CookieSignIn.AntiforgeryToken(form),
        }), Ct);

        Assert.Contains("截止时间（北京时间）", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = Guid.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<ComputeDb>().Requests.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
            Assert.Equal(new DateTimeOffset(2030, 1, 1, 2, 0, 0, TimeSpan.Zero), stored.Deadline); // 10:00 in Guangzhou
        }

        var placement = (await GetAsync(enterprise, id)).Placement!;
        var list = WebUtility.HtmlDecode(await browser.GetStringAsync("/compute/requests?culture=zh-CN", Ct));
        var row = list[list.IndexOf($"data-request=\"{id}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"{ChinaTime.Format(placement.PlannedStart)} – {ChinaTime.Format(placement.PlannedEnd)}", row, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{2}:\d{2}Z", row);
        Assert.Contains("计划时间 （北京时间）", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_office_staff_grant_vouchers_and_only_operators_take_centres_down()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var grant = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/vouchers", new { organisationId = enterprise.OrganisationId, unit = "yuan", amount = 1e6, note = "me" }, Json, Ct);
        var down = await enterprise.Client.PostAsJsonAsync($"/api/v1/compute/centres/{ComputeDemoSeeder.GuangzhouCentre}/status", new { up = false }, Json, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, grant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, down.StatusCode);
    }
}

public sealed class ComputeApiOnSqlite(ComputeSqliteApp app) : ComputeApiTests(app), IClassFixture<ComputeSqliteApp>;

public sealed class ComputeApiOnPostgres(ComputePostgresApp app) : ComputeApiTests(app), IClassFixture<ComputePostgresApp>;
