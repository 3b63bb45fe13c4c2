using System.Text.Json;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Simulation;

/// <summary>What <c>funeng compute simulate</c> writes and the simulations page reads: one trace, several policies.</summary>
internal sealed record SimulationReport(
    string Trace,
    string Format,
    int Jobs,
    int SkippedEntries,
    int CentreCount,
    int DeviceCount,
    IReadOnlyList<PolicyOutcome> Policies)
{
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Replays a trace under each policy, in order.</summary>
    public static SimulationReport Run(string traceName, TraceFormat format, TraceReaders.Result trace, CentresPlan plan, IEnumerable<Scheduling.PlacementPolicy> policies, Func<Scheduling.PlacementPolicy, IProgress<int>?>? progress = null) =>
        new(traceName, TraceFormats.Of(format), trace.Jobs.Count, trace.Skipped, plan.CentreCount, plan.DeviceCount,
            [.. policies.Select(p => TraceReplay.Run(trace.Jobs, plan, p, progress?.Invoke(p)))]);

    /// <summary>Reads a report written by the command line; a file that is not one names what is wrong.</summary>
    public static SimulationReport Parse(string json, string file = "result.json")
    {
        SimulationReport? report;
        try
        {
            report = JsonSerializer.Deserialize<SimulationReport>(json, Json);
        }
        catch (JsonException e)
        {
            throw TraceProblem.NotJson(file, e, ProblemMessage.Of("compute.trace.result-json", TraceProblem.PathOf(e)));
        }

        return report is { Policies.Count: > 0 } && report.Policies.All(p => p is not null && !string.IsNullOrEmpty(p.Policy))
            ? report
            : throw TraceProblem.AtField(file, "policies", ProblemMessage.Of("compute.trace.no-outcomes"));
    }
}
