using System.Text.Json;
using Funeng.Compute.Simulation;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Contracts;

/// <summary>
/// A planning simulation for the command line (<c>funeng compute simulate</c>): a GPU-cluster trace and a plan of
/// centres, replayed under one placement policy after another; the report is the JSON the simulations page reads.
/// </summary>
public sealed class TraceSimulation
{
    private readonly string _traceName;
    private readonly TraceFormat _format;
    private readonly TraceReaders.Result _trace;
    private readonly CentresPlan _plan;
    private readonly List<PolicyOutcome> _outcomes = [];

    private TraceSimulation(string traceName, TraceFormat format, TraceReaders.Result trace, CentresPlan plan)
    {
        _traceName = traceName;
        _format = format;
        _trace = trace;
        _plan = plan;
    }

    /// <summary>The trace formats, as written on the command line: philly, alibaba, alibaba-openb, csv.</summary>
    public static IReadOnlyList<string> FormatNames => TraceFormats.Names;

    /// <summary>The placement policies, as written on the command line: fifo, cheapest, earliest_finish…</summary>
    public static IReadOnlyList<string> PolicyNames { get; } = [.. Scheduling.PolicyNames.All.Select(Scheduling.PolicyNames.Of)];

    public static bool IsFormat(string? name) => TraceFormats.TryParse(name, out _);

    public static bool IsPolicy(string name) => Scheduling.PolicyNames.TryParse(name, out _);

    /// <summary>How many jobs of the trace can be replayed.</summary>
    public int JobCount => _trace.Jobs.Count;

    /// <summary>The trace's file name and format, as the report names them.</summary>
    public (string Trace, string Format) Source => (_traceName, TraceFormats.Of(_format));

    /// <summary>Entries of the trace that could not be replayed (never ran, or held no accelerator).</summary>
    public int SkippedCount => _trace.Skipped;

    public int CentreCount => _plan.CentreCount;

    public int DeviceCount => _plan.DeviceCount;

    /// <summary>What each replay so far gave, in order: the figures of the report, for a summary table.</summary>
    public IReadOnlyList<SimulatedPolicy> Outcomes =>
        [.. _outcomes.Select(o => new SimulatedPolicy(o.Policy, o.AverageJctHours, o.P95JctHours, o.AverageQueueHours, o.Utilisation, o.Cost))];

    /// <summary>
    /// Reads the plan of centres and the trace. A file that cannot be read throws <see cref="IOException"/>; an
    /// unknown format or a malformed file throws <see cref="InvalidInputException"/> whose one problem names the
    /// file, the line or field, and what is wrong, in the reader's language (<see cref="ProblemMessage.In"/> with
    /// Compute's strings).
    /// </summary>
    public static async Task<TraceSimulation> ReadAsync(string traceFile, string format, string centresFile, CancellationToken cancellationToken)
    {
        if (!TraceFormats.TryParse(format, out var traceFormat))
        {
            throw InvalidInputException.For("--format", "compute.cli.bad-format", format, TraceFormats.Names);
        }

        var plan = CentresPlan.Load(centresFile);
        var trace = await TraceReaders.ReadAsync(traceFile, traceFormat, cancellationToken);
        return new TraceSimulation(Path.GetFileName(traceFile), traceFormat, trace, plan);
    }

    /// <summary>Replays the whole trace under <paramref name="policy"/>, reporting the jobs placed so far.</summary>
    public void Replay(string policy, IProgress<int>? progress)
    {
        if (!Scheduling.PolicyNames.TryParse(policy, out var placement))
        {
            throw InvalidInputException.For("--policy", "compute.cli.bad-policy", policy, PolicyNames);
        }

        _outcomes.Add(TraceReplay.Run(_trace.Jobs, _plan, placement, progress));
    }

    /// <summary>The report of every replay so far, as the JSON <c>funeng compute simulate</c> writes.</summary>
    public string ReportJson() => JsonSerializer.Serialize(
        new SimulationReport(_traceName, TraceFormats.Of(_format), _trace.Jobs.Count, _trace.Skipped, _plan.CentreCount, _plan.DeviceCount, _outcomes),
        SimulationReport.Json);
}

/// <summary>One policy's figures from a replay.</summary>
/// <param name="Policy">The policy's code (fifo, earliest_finish…), as on the command line.</param>
/// <param name="AverageJctHours">Mean job completion time, submission to end, in hours.</param>
/// <param name="P95JctHours">95th-percentile job completion time in hours.</param>
/// <param name="AverageQueueHours">Mean wait from submission to start in hours.</param>
/// <param name="Utilisation">Device-hours used over device-hours available while the trace ran, 0 to 1.</param>
/// <param name="Cost">What the placements cost, in yuan.</param>
public sealed record SimulatedPolicy(string Policy, double AverageJctHours, double P95JctHours, double AverageQueueHours, double Utilisation, decimal Cost);
