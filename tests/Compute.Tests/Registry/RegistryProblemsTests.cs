using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Compute.Tests.Registry;

/// <summary>
/// The registry's and the office's refusals come through the one error model: a 400 or 403 problem that names the
/// field, in the reader's language, and on a page the page itself again with the problem in its summary.
/// </summary>
public sealed partial class RegistryProblemsTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_centre_without_names_and_outside_Guangdong_is_refused_naming_both_fields_in_chinese_and_english()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var centre = new { nameZh = "", nameEn = "", operatorOrganisationId = Guid.NewGuid(), city = "paris", tier = "provincial" };

        var chinese = await office.Client.PostAsJsonAsync("/api/v1/compute/centres", centre, Ct);
        var english = await office.Client.PostAsJsonAsync("/api/v1/compute/centres?culture=en", centre, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var zh = await ErrorsAsync(chinese);
        var en = await ErrorsAsync(english);
        Assert.Equal("请填写中心的中文名称和英文名称。", zh["nameZh"]);
        Assert.Contains("paris", zh["city"], StringComparison.Ordinal);
        Assert.Equal("Give the centre's name in Chinese and English.", en["nameZh"]);
    }

    [Fact]
    public async Task An_operator_of_another_organisation_adding_a_pool_gets_a_403_problem_not_a_bare_forbid()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var stranger = await app.CreateUserAsync(Roles.ComputeOperator);
        var created = await office.Client.PostAsJsonAsync("/api/v1/compute/centres",
            new { nameZh = "他人中心", nameEn = "Someone else's centre", operatorOrganisationId = Guid.NewGuid(), city = "foshan", tier = "provincial" }, Ct);
        var centreId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var pool = new { name = "x", accelerator = "A100", devices = 8, fp16Tflops = 312, fp32Tflops = 19.5, memoryGb = 80, interconnect = "", pricePerDeviceHour = 10m };

        var answer = await stranger.Client.PostAsJsonAsync($"/api/v1/compute/centres/{centreId}/pools", pool, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Contains("只有办公室工作人员或该中心的运营方可以修改该中心。", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voucher_granted_on_the_office_page_without_a_reason_shows_the_page_again_with_the_problem()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var browser = await app.SignInAsync(office, Ct);
        var page = await browser.GetStringAsync("/compute/office", Ct);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

        var refused = await browser.PostAsync("/compute/office?handler=Voucher", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organisationId"] = enterprise.OrganisationId.ToString(),
            ["unit"] = "Yuan",
            ["amount"] = "100",
            ["note"] = " ",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-field=\"note\"", html, StringComparison.Ordinal);
        Assert.Contains("请说明发放理由（1 至 500 个字）。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_the_policy_and_granting_a_voucher_on_the_office_page_end_with_a_notice_in_the_readers_language()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var browser = await app.SignInAsync(office, Ct);
        var token = WebUtility.HtmlDecode(Token().Match(await browser.GetStringAsync("/compute/office", Ct)).Groups[1].Value);

        var policy = await browser.PostAsync("/compute/office?handler=Policy&culture=en", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["policy"] = "cheapest", ["__RequestVerificationToken"] = token,
        }), Ct);
        var granted = await browser.PostAsync("/compute/office?handler=Voucher&culture=zh-CN", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organisationId"] = enterprise.OrganisationId.ToString(), ["unit"] = "Yuan", ["amount"] = "100", ["note"] = "试点", ["__RequestVerificationToken"] = token,
        }), Ct);

        Assert.Contains("role=\"status\" data-testid=\"notice\">Placement policy set to “cheapest”; it applies from the next placement round.<",
            WebUtility.HtmlDecode(await policy.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("role=\"status\" data-testid=\"notice\">算力券已发放。<", WebUtility.HtmlDecode(await granted.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        // Shown with the page that made the change, and not again.
        Assert.DoesNotContain("data-testid=\"notice\"", await browser.GetStringAsync("/compute/office", Ct), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
