using Funeng.Compute.Scheduling;
using Funeng.Compute.Simulation;

namespace Funeng.Compute.Tests.Simulation;

public sealed class TraceReplayTests : IDisposable
{
    private const string TwoCentres = """
        {"centres": [
          {"name": "GZ", "city": "guangzhou", "latency_ms": {"guangzhou": 0.4, "shenzhen": 2.5},
           "pools": [{"name": "gz-a800", "accelerator": "A800", "devices": 8, "fp16_tflops": 312, "memory_gb": 80, "price_per_device_hour": 14}]},
          {"name": "SZ", "city": "shenzhen", "latency_ms": {"guangzhou": 2.5, "shenzhen": 0.3},
           "pools": [{"name": "sz-910", "accelerator": "Ascend 910", "devices": 8, "fp16_tflops": 256, "memory_gb": 32, "price_per_device_hour": 7}]}
        ]}
        """;

    private readonly TraceSamples _samples = new();

    public void Dispose() => _samples.Dispose();

    [Fact]
    public async Task Replays_a_philly_trace_and_reports_jct_queueing_utilisation_and_cost()
    {
        var trace = await TraceReaders.ReadAsync(_samples.Philly(), TraceFormat.Philly, TestContext.Current.CancellationToken);
        var plan = CentresPlan.Load(_samples.Centres(TwoCentres));

        var outcome = TraceReplay.Run(trace.Jobs, plan, PlacementPolicy.Cheapest);

        Assert.Equal((2, 2, 0), (outcome.Jobs, outcome.Placed, outcome.Unplaceable));
        // Both go to the ¥7 pool: 8 GPUs × 2h01m14s, and 1 GPU × 30 min that waits for it until 03:12:53
        // rather than start at once on the ¥14 pool (cheapest, not soonest).
        Assert.Equal((1 + 52 / 60d + 53 / 3600d) / 2, outcome.AverageQueueHours, 6);
        Assert.Equal(8 * (2 + 1 / 60d + 14 / 3600d) + 0.5, outcome.DeviceHours, 6);
        Assert.Equal(decimal.Round(7m * (decimal)(8 * (2 + 1 / 60d + 14 / 3600d)), 2) + 3.5m, outcome.Cost);
        Assert.InRange(outcome.Utilisation, 0.01, 1);
    }

    [Fact]
    public async Task Backfilling_across_centres_beats_fifo_on_a_congested_trace()
    {
        // One long 8-GPU job per hour-ish blocks a pool; many short 1-GPU jobs arrive behind each.
        var rows = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            rows.Add($"wide{i},u{i % 3},{i * 600},7200,8");
            rows.Add($"narrow{i}a,u{i % 5},{i * 600 + 1},600,1");
            rows.Add($"narrow{i}b,u{i % 7},{i * 600 + 2},600,2");
        }

        var trace = await TraceReaders.ReadAsync(_samples.Csv([.. rows]), TraceFormat.Csv, TestContext.Current.CancellationToken);
        var plan = CentresPlan.Load(_samples.Centres(TwoCentres));

        var fifo = TraceReplay.Run(trace.Jobs, plan, PlacementPolicy.Fifo);
        var earliest = TraceReplay.Run(trace.Jobs, plan, PlacementPolicy.EarliestFinish);
        var fair = TraceReplay.Run(trace.Jobs, plan, PlacementPolicy.FairShare);

        Assert.Equal(120, fifo.Placed);
        Assert.Equal(fifo.DeviceHours, earliest.DeviceHours, 6); // the same work, only placed better
        Assert.True(earliest.AverageJctHours < fifo.AverageJctHours / 2, $"earliest finish {earliest.AverageJctHours:0.00} h vs FIFO {fifo.AverageJctHours:0.00} h");
        Assert.True(fair.AverageJctHours < fifo.AverageJctHours);
    }
}
