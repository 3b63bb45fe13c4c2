using System.Net.Http.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Requests;
using Funeng.Kernel.Security;
using Funeng.TestSupport;
using static Funeng.Compute.Tests.ComputeDriver;

namespace Funeng.Compute.Tests.Engines;

/// <summary>Requests placed on a Slurm pool run as real Slurm jobs, and their state comes back.</summary>
public sealed class SlurmEngineTests(SlurmApp app) : IClassFixture<SlurmApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_placed_request_runs_as_a_slurm_job_and_comes_back_running_then_finished()
    {
        var (office, enterprise, accelerator) = await SlurmCentreAsync();

        var request = await SubmitAsync(enterprise, accelerator, devices: 2, hours: 0.01, template: "sleep", arguments: new() { ["seconds"] = 4 });

        Assert.Equal(RequestState.Placed, request.State);
        Assert.Equal("slurm", request.Placement!.Engine);
        Assert.Matches("^[0-9]+$", request.Placement.ExternalId);
        await WaitForAsync(office, enterprise, request.Id, RequestState.Running);
        await WaitForAsync(office, enterprise, request.Id, RequestState.Finished);
        Assert.Equal("COMPLETED", await app.SlurmStateAsync(request.Placement.ExternalId!, "COMPLETED"));
    }

    [Fact]
    public async Task Cancelling_a_running_request_cancels_its_slurm_job()
    {
        var (office, enterprise, accelerator) = await SlurmCentreAsync();
        var request = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 0.1, template: "sleep", arguments: new() { ["seconds"] = "300" });
        await WaitForAsync(office, enterprise, request.Id, RequestState.Running);

        var cancelled = await enterprise.Client.PostAsync($"/api/v1/compute/requests/{request.Id}/cancel", null, Ct);

        Assert.Equal(RequestState.Cancelled, (await cancelled.Content.ReadFromJsonAsync<RequestView>(Json, Ct))!.State);
        Assert.Equal("CANCELLED", await app.SlurmStateAsync(request.Placement!.ExternalId!, "CANCELLED"));
    }

    [Fact]
    public async Task A_job_that_fails_on_slurm_is_reported_failed()
    {
        var (office, enterprise, accelerator) = await SlurmCentreAsync();

        var request = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 0.01, template: "fail");

        await WaitForAsync(office, enterprise, request.Id, RequestState.Failed);
        Assert.Equal("FAILED", await app.SlurmStateAsync(request.Placement!.ExternalId!, "FAILED"));
    }

    [Fact]
    public async Task Finding_command_execution_on_the_cluster_arguments_with_shell_metacharacters_reach_the_program_literally()
    {
        var (office, enterprise, accelerator) = await SlurmCentreAsync();
        var marker = Path.Combine(app.JobsFolder, "pwned-" + Guid.NewGuid().ToString("N"));
        var message = $"$(touch {marker}1) `touch {marker}2`; touch {marker}3 && echo 'single' \"double\" | cat > {marker}4 * ~ $HOME";

        var request = await SubmitAsync(enterprise, accelerator, devices: 1, hours: 0.01, template: "echo", arguments: new() { ["message"] = message });
        await WaitForAsync(office, enterprise, request.Id, RequestState.Finished);

        Assert.Equal(message + "\n", await File.ReadAllTextAsync(Path.Combine(app.JobsFolder, request.Placement!.ExternalId + ".out"), Ct));
        Assert.Empty(Directory.GetFiles(app.JobsFolder, Path.GetFileName(marker) + "*"));
        Assert.Equal("echo", (await GetAsync(enterprise, request.Id)).JobTemplate);
    }

    [Fact]
    public async Task Template_arguments_outside_their_bounds_are_refused_naming_the_argument()
    {
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);

        var response = await enterprise.Client.PostAsJsonAsync("/api/v1/compute/requests", new
        {
            title = "x", accelerators = new[] { "A100" }, devices = 1, estimatedHours = 1, dataCity = "guangzhou", template = "sleep",
            arguments = new Dictionary<string, object> { ["seconds"] = "5; reboot", ["shell"] = "/bin/sh" },
        }, Json, Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json, Ct))!;
        Assert.Equal(["arguments.seconds", "arguments.shell"], problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task The_slurm_engine_reports_its_nodes_and_their_gpus()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var accelerator = UniqueAccelerator();
        var centre = await RegisterCentreAsync(office, "Nodes " + accelerator, "guangzhou", accelerator, devices: 8, price: 1m, engine: "slurm");

        var reports = (await office.Client.GetFromJsonAsync<List<Funeng.Compute.Nodes.EngineNodes>>($"/api/v1/compute/centres/{centre.Id}/nodes", Json, Ct))!;

        var node = Assert.Single(Assert.Single(reports, r => r.Engine == "slurm").Nodes);
        Assert.Equal(("localhost", 8, "fakegpu"), (node.Name, node.Gpus, node.GpuModel));
        Assert.True(node.CpuMilli >= 1000 && node.CpuMilli % 1000 == 0, $"{node.CpuMilli}");
        Assert.True(node.MemoryMib > 0);
    }

    private async Task<(ActingUser Office, ActingUser Enterprise, string Accelerator)> SlurmCentreAsync()
    {
        var office = await app.CreateUserAsync(Roles.OfficeStaff);
        var enterprise = await app.CreateUserAsync(Roles.Enterprise);
        var accelerator = UniqueAccelerator();
        await RegisterCentreAsync(office, "Slurm " + accelerator, "guangzhou", accelerator, devices: 8, price: 1m, engine: "slurm");
        return (office, enterprise, accelerator);
    }

    /// <summary>Runs engine rounds until the request reaches the state; Slurm gets a minute.</summary>
    private static async Task WaitForAsync(ActingUser office, ActingUser enterprise, Guid id, RequestState state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        RequestView now;
        do
        {
            await RoundAsync(office);
            now = await GetAsync(enterprise, id);
            if (now.State == state)
            {
                return;
            }

            await Task.Delay(250, Ct);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Request {id} is {now.State} ({now.StateReason}), not {state}, after a minute.");
    }
}
