using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Funeng.Compute.Simulation;
using Funeng.Kernel.Security;

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

    [Fact]
    public async Task The_page_is_for_office_staff_only()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var response = await enterprise.Client.GetAsync("/compute/simulations", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
