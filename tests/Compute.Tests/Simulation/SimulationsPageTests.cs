using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Funeng.Compute.Simulation;
using Funeng.Kernel.Security;
using Funeng.TestSupport;

namespace Funeng.Compute.Tests.Simulation;

public sealed class SimulationsPageTests(ComputeSqliteApp app) : IClassFixture<ComputeSqliteApp>
{
    [Fact]
    public async Task Office_staff_upload_a_result_and_see_each_policy_against_fifo_in_a_table_and_a_chart()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var page = await office.Client.GetStringAsync("/compute/simulations", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var report = new SimulationReport("pods.csv", "alibaba-openb", 2, 0, 1, 8, [
            new PolicyOutcome("fifo", 2, 2, 0, 10, 12, 9, 11, 0.5, 100m, 8, 0.1),
            new PolicyOutcome("earliest_finish", 2, 2, 0, 2.5, 3, 1.5, 2, 0.6, 90m, 8, 0.1)]);
        using var form = new MultipartFormDataContent();
        var file = new StringContent(JsonSerializer.Serialize(report, SimulationReport.Json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "result", "result.json");
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var response = await office.Client.PostAsync("/compute/simulations?handler=Result", form, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-policy=\"earliest_finish\"", html, StringComparison.Ordinal);
        Assert.Contains(">4.00", html, StringComparison.Ordinal); // FIFO's 10 h ÷ 2.5 h
        Assert.Contains("id=\"simulation-chart\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "trace.csv 第 3 行“duration_seconds”列：“-5”不是大于 0 的秒数。")]
    [InlineData("&culture=en", "trace.csv line 3, column duration_seconds: '-5' is not a number of seconds > 0.")]
    public async Task A_trace_with_a_bad_line_is_refused_naming_the_line_and_column_in_the_readers_language(string culture, string problem)
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        await ComputeDriver.RegisterCentreAsync(office, "Foshan", "foshan", ComputeDriver.UniqueAccelerator(), 8, 6m);
        using var form = await FormAsync(office, "trace", "trace.csv", "job_id,user,submit_seconds,duration_seconds,gpus\na,u,0,3600,4\nb,u,10,-5,1\n");
        form.Add(new StringContent("csv"), "format");

        var response = await office.Client.PostAsync("/compute/simulations?handler=Run" + culture, form, TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<li data-field=\"line 3.duration_seconds\">{problem}</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"data simulation\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_file_that_is_not_json_is_refused_in_chinese_naming_the_line()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        using var form = await FormAsync(office, "result", "sim.json", "{\n  \"policies\": [1, \n");

        var response = await office.Client.PostAsync("/compute/simulations?handler=Result", form, TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sim.json 第 2 行：不是 funeng compute simulate 写出的仿真结果", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_for_office_staff_only()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var response = await enterprise.Client.GetAsync("/compute/simulations", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<MultipartFormDataContent> FormAsync(ActingUser user, string field, string fileName, string content)
    {
        var page = await user.Client.GetStringAsync("/compute/simulations", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(content), field, fileName },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return form;
    }
}
