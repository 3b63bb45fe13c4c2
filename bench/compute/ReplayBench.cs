using System.Diagnostics;
using System.Globalization;
using System.Text;
using Funeng.Compute.Scheduling;
using Funeng.Compute.Simulation;

/// <summary>Each policy against FIFO on a public trace (or, failing that, a generated one), in one run.</summary>
internal static class ReplayBench
{
    public static async Task RunAsync(StringBuilder report, string? traceArgument)
    {
        var found = FindSharedTrace() ?? (traceArgument is null ? null : (traceArgument, FormatOf(traceArgument)));
        IReadOnlyList<TraceJob> trace;
        string source;
        string centresFile;
        var readClock = Stopwatch.StartNew();
        if (found is { } t)
        {
            var read = await TraceReaders.ReadAsync(t.Path, t.Format);
            trace = read.Jobs;
            centresFile = t.Format == TraceFormat.AlibabaOpenb ? "centres.openb.json" : "centres.demo.json";
            source = string.Create(CultureInfo.InvariantCulture, $"Real trace `{t.Path}` ({TraceFormats.Of(t.Format)}): {trace.Count:N0} jobs replayed, {read.Skipped:N0} entries skipped (never ran, or no GPU); read in {readClock.Elapsed.TotalSeconds:0.00} s. Jobs span {(trace.Max(j => j.Submitted) - trace.Min(j => j.Submitted)).TotalDays:0.0} days of submissions.");
        }
        else
        {
            trace = Generated();
            centresFile = "centres.demo.json";
            source = "No trace in ../shared/data/traces/ and none given with --trace: a generated trace of 10,000 jobs (fixed seed).";
        }

        var plan = CentresPlan.Load(Path.Combine(AppContext.BaseDirectory, centresFile));
        report.AppendLine().AppendLine("## Each policy against FIFO").AppendLine();
        report.AppendLine(source).AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Centres: bench/compute/{centresFile} ({plan.CentreCount} centres, {plan.DeviceCount:N0} devices; demo figures).").AppendLine();
        report.AppendLine("| policy | avg JCT (h) | p95 JCT (h) | avg queueing (h) | p95 queueing (h) | utilisation | cost (¥) | FIFO avg JCT ÷ policy's | FIFO avg queueing ÷ policy's | replay (s) |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var all = Stopwatch.StartNew();
        var fifo = TraceReplay.Run(trace, plan, PlacementPolicy.Fifo);
        foreach (var policy in PolicyNames.All)
        {
            var o = policy == PlacementPolicy.Fifo ? fifo : TraceReplay.Run(trace, plan, policy);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {o.Policy} | {o.AverageJctHours:0.00} | {o.P95JctHours:0.00} | {o.AverageQueueHours:0.00} | {o.P95QueueHours:0.00} | {o.Utilisation:P1} | {o.Cost:N0} | {Ratio(fifo.AverageJctHours, o.AverageJctHours)} | {Ratio(fifo.AverageQueueHours, o.AverageQueueHours)} | {o.ReplaySeconds:0.00} |");
        }

        report.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"All {PolicyNames.All.Count} policies replayed in {all.Elapsed.TotalSeconds:0.00} s.");
    }

    private static string Ratio(double fifo, double policy) => policy <= 0 ? "∞" : string.Create(CultureInfo.InvariantCulture, $"{fifo / policy:0.00}×");

    /// <summary>The largest trace under a shared/data/traces folder of the working directory or any parent.</summary>
    private static (string Path, TraceFormat Format)? FindSharedTrace()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var traces = new DirectoryInfo(Path.Combine(dir.FullName, "shared", "data", "traces"));
            if (traces.Exists)
            {
                var largest = traces.EnumerateFiles("*", SearchOption.AllDirectories)
                    .Where(f => FormatOf(f.FullName) is not TraceFormat.Csv || f.Name.EndsWith(".csv", StringComparison.Ordinal))
                    .Where(f => f.Name is not "PROVENANCE.md" and not "pai_job_table.csv")
                    .OrderByDescending(f => f.Length).FirstOrDefault();
                if (largest is not null)
                {
                    return (largest.FullName, FormatOf(largest.FullName));
                }
            }
        }

        return null;
    }

    private static TraceFormat FormatOf(string path) => Path.GetFileName(path) switch
    {
        var n when n.StartsWith("openb_pod_list", StringComparison.Ordinal) => TraceFormat.AlibabaOpenb,
        var n when n.StartsWith("cluster_job_log", StringComparison.Ordinal) => TraceFormat.Philly,
        var n when n.StartsWith("pai_task_table", StringComparison.Ordinal) => TraceFormat.Alibaba,
        _ => TraceFormat.Csv,
    };

    // Poisson arrivals (one a minute) over a week; GPU counts and heavy-tailed run times in the proportions
    // Philly and PAI report (most jobs 1 GPU and short, a few large and long).
    private static List<TraceJob> Generated()
    {
        var random = new Random(20261123);
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var trace = new List<TraceJob>();
        var t = 0d;
        for (var i = 0; i < 10_000; i++)
        {
            t += -Math.Log(1 - random.NextDouble()) * 60;
            var gpus = random.NextDouble() switch { < 0.55 => 1, < 0.75 => 2, < 0.88 => 4, < 0.96 => 8, < 0.99 => 16, _ => 64 };
            var minutes = Math.Exp(random.NextDouble() * Math.Log(8 * 60));
            trace.Add(new TraceJob($"job{i}", $"user{random.Next(0, 200)}", start.AddSeconds(t), TimeSpan.FromMinutes(minutes), gpus));
        }

        return trace;
    }
}
