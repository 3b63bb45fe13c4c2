using System.Text.Json;
using Funeng.Compute.Scheduling;
using Funeng.Compute.Simulation;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Tests.Simulation;

public sealed class SimulationReportTests : IDisposable
{
    private readonly TraceSamples _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task A_report_written_as_json_reads_back_with_every_policy()
    {
        var trace = await TraceReaders.ReadAsync(_samples.AlibabaOpenb(), TraceFormat.AlibabaOpenb, TestContext.Current.CancellationToken);
        var plan = CentresPlan.Load(_samples.Centres("""{"centres": [{"name": "GZ", "city": "guangzhou", "pools": [{"name": "p", "accelerator": "A800", "devices": 8, "fp16_tflops": 312, "price_per_device_hour": 10}]}]}"""));

        var report = SimulationReport.Run("openb_pod_list_default.csv", TraceFormat.AlibabaOpenb, trace, plan, PolicyNames.All);
        var back = SimulationReport.Parse(JsonSerializer.Serialize(report, SimulationReport.Json));

        Assert.Equal(("alibaba-openb", 2, 2), (back.Format, back.Jobs, back.SkippedEntries));
        Assert.Equal(PolicyNames.All.Select(PolicyNames.Of), back.Policies.Select(p => p.Policy));
        Assert.Equal(report.Policies[0].AverageJctHours, back.Policies[0].AverageJctHours);
        Assert.Equal(report.Policies[0].Cost, back.Policies[0].Cost);
    }

    [Theory]
    [InlineData("{\"trace\": \"t\", \"policies\": []}", "policies", "sim.json field policies: lists no policy outcomes.")]
    [InlineData("[1, 2", "line 1", "sim.json line 1: is not a simulation result written by funeng compute simulate (reading stopped at $).")]
    public void A_file_that_is_not_a_result_says_what_is_wrong(string json, string location, string english)
    {
        var error = Assert.Throws<InvalidInputException>(() => SimulationReport.Parse(json, "sim.json"));

        var problem = Assert.Single(TraceProblem.Among(error));
        Assert.Equal(location, problem.Location);
        Assert.Equal(english, ComputeText.English(problem.Description));
    }
}
