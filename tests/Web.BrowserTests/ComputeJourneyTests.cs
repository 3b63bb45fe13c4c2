using System.Net;
using System.Net.Http.Json;
using Funeng.Kernel.Security;


namespace Funeng.Web.BrowserTests;

[Trait("Category", "Browser")]
public sealed class ComputeJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_enterprise_with_a_voucher_requests_compute_sees_where_and_why_it_was_placed_and_its_voucher_drops()
    {
        var ct = TestContext.Current.CancellationToken;
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        office.Client.BaseAddress = new Uri(app.BaseUrl); // the API client talks to the same Kestrel server as the browser
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = $"Journey-{Guid.NewGuid():N}"[..16];
        var near = await RegisterCentreAsync(office, "Near " + accelerator, "guangzhou", accelerator, latencyMs: 0.4, ct);
        await RegisterCentreAsync(office, "Far " + accelerator, "shenzhen", accelerator, latencyMs: 2.5, ct);
        var voucher = await office.Client.PostAsJsonAsync("/api/v1/compute/vouchers", new { organisationId = enterprise.OrganisationId, unit = "device_hours", amount = 100, note = "算力券 journey" }, ct);
        Assert.Equal(HttpStatusCode.Created, voucher.StatusCode);

        var page = await app.NewPageAsync();
        await page.GotoAsync("/culture/en?returnUrl=/");
        await page.GotoAsync("/account/login?returnUrl=/compute");
        await page.FillAsync("#Email", enterprise.Email);
        await page.FillAsync("#Password", enterprise.Password);
        await page.ClickAsync("button[type=submit]");
        await BrowserApp.ArriveAsync(page, "/compute");
        await page.ClickAsync("[data-testid=new-request]");
        await BrowserApp.ArriveAsync(page, "/compute/requests/new");
        await page.FillAsync("#Title", "Fine-tune an elder-care assistant");
        await page.CheckAsync($"input[name=Accelerators][value='{accelerator}']");
        await page.FillAsync("#Devices", "4");
        await page.FillAsync("#EstimatedHours", "5");
        await page.SelectOptionAsync("#DataCity", "guangzhou");
        await page.FillAsync("#MaxLatencyMs", "1");
        await page.CheckAsync("input[name=VoucherIds]");
        await page.ClickAsync("[data-testid=submit-request]");

        await page.WaitForSelectorAsync("[data-testid=explanation]");
        Assert.Contains(await page.InnerTextAsync("[data-testid=state]"), new[] { "placed", "running" }); // running once the engine watcher has looked
        Assert.Contains(near, await page.InnerTextAsync("[data-testid=placed-centre]"), StringComparison.Ordinal);
        var why = await page.InnerTextAsync("[data-testid=explanation]");
        Assert.Contains("Far " + accelerator, why, StringComparison.Ordinal);
        Assert.Contains("latency too high", why, StringComparison.Ordinal);
        Assert.Equal("80.00 device-hours", await page.InnerTextAsync("[data-testid=voucher-remaining]"));
        Assert.DoesNotContain("⟦", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "compute-placed");

        await page.GotoAsync("/compute/requests");
        Assert.Contains(near, await page.InnerTextAsync("table.jobs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Office_staff_choose_the_policy_and_grant_a_voucher_and_every_compute_page_has_both_languages()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=/compute/office");
        await page.FillAsync("#Email", office.Email);
        await page.FillAsync("#Password", office.Password);
        await page.ClickAsync("button[type=submit]");
        await BrowserApp.ArriveAsync(page, "/compute/office");

        await page.SelectOptionAsync("#policy", "cheapest");
        await page.ClickAsync("form[action*=Policy] button[type=submit]");
        await BrowserApp.ArriveAsync(page, at => at.Query.Contains("handler=Policy", StringComparison.Ordinal));
        Assert.Equal("cheapest", await page.InputValueAsync("#policy"));
        await page.FillAsync("#amount", "500");
        await page.FillAsync("#note", "试点算力券");
        await page.ClickAsync("form[action*=Voucher] button[type=submit]");
        await BrowserApp.ArriveAsync(page, at => at.Query.Contains("handler=Voucher", StringComparison.Ordinal));
        await page.WaitForSelectorAsync(".notice.success");

        foreach (var culture in new[] { "zh-CN", "en" })
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/");
            foreach (var path in new[] { "/compute", "/compute/office", "/compute/requests" })
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Ok, $"{path} answered {response.Status}");
                Assert.DoesNotContain("⟦", await page.InnerTextAsync("body"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_compute_centre_operator_changes_a_pools_price_and_the_centres_status_on_a_page()
    {
        var ct = TestContext.Current.CancellationToken;
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        office.Client.BaseAddress = new Uri(app.BaseUrl);
        var operatorUser = await app.CreateUserAsync(Roles.ComputeOperator, kind: Funeng.Platform.Contracts.OrganisationKind.ComputeCentre);
        var created = await office.Client.PostAsJsonAsync("/api/v1/compute/centres", new { nameZh = "运营测试中心", nameEn = "Operator test centre", operatorOrganisationId = operatorUser.OrganisationId, city = "guangzhou", tier = "provincial" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>(ct))!.Id;
        var pool = await office.Client.PostAsJsonAsync($"/api/v1/compute/centres/{id}/pools",
            new { name = "a800-pool", accelerator = "A800", devices = 8, fp16Tflops = 312.0, fp32Tflops = 19.5, memoryGb = 80.0, interconnect = "NVLink", pricePerDeviceHour = 10m }, ct);
        Assert.Equal(HttpStatusCode.Created, pool.StatusCode);

        var page = await app.SignInAsync(operatorUser);
        Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("a[href='/compute/centre']");
        var row = page.Locator("[data-testid=pool-a800-pool]");
        await row.Locator("input[name=price]").FillAsync("12.50");
        await row.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=price-saved]");
        Assert.Equal("12.50", await page.Locator("[data-testid=pool-a800-pool] input[name=price]").InputValueAsync());
        Assert.DoesNotContain("⟦", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "compute-operator-price"); // the value shown is read back from the database after the redirect

        // The operator takes the centre down for maintenance on the same page, is told what happened, and brings it up.
        await page.ClickAsync("form:has([data-testid=centre-status]) button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=notice]");
        Assert.Equal("已停机", await page.InnerTextAsync("[data-testid=centre-status]"));
        Assert.Contains("中心已停机", await page.InnerTextAsync("[data-testid=notice]"), StringComparison.Ordinal);
        await page.ClickAsync("form:has([data-testid=centre-status]) button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=centre-status]:text('运行中')");
    }

    private static async Task<string> RegisterCentreAsync(Funeng.TestSupport.ActingUser office, string name, string city, string accelerator, double latencyMs, CancellationToken ct)
    {
        var created = await office.Client.PostAsJsonAsync("/api/v1/compute/centres", new { nameZh = name, nameEn = name, operatorOrganisationId = Guid.NewGuid(), city, tier = "provincial" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>(ct))!.Id;
        var pool = await office.Client.PostAsJsonAsync($"/api/v1/compute/centres/{id}/pools",
            new { name = "pool", accelerator, devices = 16, fp16Tflops = 312.0, fp32Tflops = 19.5, memoryGb = 80.0, interconnect = "NVLink", pricePerDeviceHour = 10m }, ct);
        Assert.Equal(HttpStatusCode.Created, pool.StatusCode);
        await office.Client.PutAsJsonAsync($"/api/v1/compute/centres/{id}/latencies/guangzhou", new { milliseconds = latencyMs }, ct);
        return name;
    }

    private sealed record IdOnly(Guid Id);
}
