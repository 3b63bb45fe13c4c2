using System.Globalization;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Simulation;

/// <summary>
/// Alibaba cluster-trace-gpu-v2023 pod lists (<c>openb_pod_list_*.csv</c>): header
/// <c>name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time</c>,
/// times in seconds from a hidden origin. A pod is a job submitted at creation_time that held num_gpu GPUs from
/// scheduled_time to deletion_time. Pods that never ran (no scheduled_time) and CPU-only pods are skipped and
/// counted; a GPU-sharing pod (gpu_milli &lt; 1000) is placed on a whole device, as the scheduler allocates devices.
/// The trace has no users, so the QoS class (LS, BE, Burstable, Guaranteed) stands in for the tenant.
/// </summary>
internal static class OpenbTraceReader
{
    public const string Header = "name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time";

    private static readonly string[] Columns = Header.Split(',');
    private static readonly DateTimeOffset Origin = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] PhaseNames = ["Succeeded", "Running", "Pending", "Failed"];
    private static readonly HashSet<string> Phases = new(PhaseNames, StringComparer.Ordinal);

    public static bool Recognises(string file)
    {
        using var reader = new StreamReader(file);
        return string.Equals(reader.ReadLine()?.Trim(), Header, StringComparison.Ordinal);
    }

    public static TraceReaders.Result Read(string file)
    {
        var jobs = new List<TraceJob>();
        var skipped = 0;
        var line = 0;
        foreach (var row in File.ReadLines(file))
        {
            line++;
            if (line == 1)
            {
                if (!string.Equals(row.Trim(), Header, StringComparison.Ordinal))
                {
                    throw TraceProblem.AtLine(file, 1, "", ProblemMessage.Of("compute.trace.header", Header));
                }

                continue;
            }

            if (row.Length == 0)
            {
                continue;
            }

            var f = row.Split(',');
            if (f.Length != Columns.Length)
            {
                throw TraceProblem.AtLine(file, line, "", ProblemMessage.Of("compute.trace.columns", f.Length, Columns.Length));
            }

            var gpus = Whole(file, line, f, 3, 0, 64);
            var created = Whole(file, line, f, 8, 0, long.MaxValue);
            var deleted = Whole(file, line, f, 9, created, long.MaxValue);
            Whole(file, line, f, 4, 0, 1000);
            if (!Phases.Contains(f[7]))
            {
                throw TraceProblem.AtLine(file, line, Columns[7], ProblemMessage.Of("compute.trace.not-one-of", f[7], PhaseNames));
            }

            if (f[10].Length == 0 || gpus == 0)
            {
                skipped++; // never ran, or holds no accelerator
                continue;
            }

            var started = Whole(file, line, f, 10, created, deleted);
            if (deleted == started)
            {
                skipped++;
                continue;
            }

            jobs.Add(new TraceJob(f[0], f[6], Origin.AddSeconds(created), TimeSpan.FromSeconds(deleted - started), (int)gpus));
        }

        return new TraceReaders.Result(jobs, skipped);
    }

    private static long Whole(string file, int line, string[] f, int column, long min, long max) =>
        long.TryParse(f[column], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw TraceProblem.AtLine(file, line, Columns[column], max == long.MaxValue
                ? ProblemMessage.Of("compute.trace.whole-number-from", f[column], min)
                : ProblemMessage.Of("compute.trace.whole-number", f[column], min, max));
}
