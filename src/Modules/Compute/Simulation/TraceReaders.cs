using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Simulation;

/// <summary>
/// Reads public GPU-cluster traces. A job the trace cannot tell us enough about (no attempt with both times, no
/// GPU) is skipped and counted, as the traces' own documentation says such entries exist; a malformed row is an
/// error naming the file and the row.
/// </summary>
internal static class TraceReaders
{
    public sealed record Result(IReadOnlyList<TraceJob> Jobs, int Skipped);

    public static async Task<Result> ReadAsync(string file, TraceFormat format, CancellationToken cancellationToken = default) => format switch
    {
        TraceFormat.Philly => await ReadPhillyAsync(file, cancellationToken),
        TraceFormat.AlibabaOpenb => OpenbTraceReader.Read(file),
        TraceFormat.Alibaba when OpenbTraceReader.Recognises(file) => OpenbTraceReader.Read(file),
        TraceFormat.Alibaba => ReadAlibaba(file),
        _ => ReadCsv(file),
    };

    /// <summary>
    /// Philly <c>cluster_job_log</c> (msr-fiddle/philly-traces): <c>[{"jobid", "user", "status", "vc",
    /// "submitted_time": "2017-10-07 01:11:39", "attempts": [{"start_time", "end_time", "detail": [{"ip", "gpus": [..]}]}]}]</c>.
    /// Streamed, so the 6 GB trace never sits in memory whole.
    /// </summary>
    private static async Task<Result> ReadPhillyAsync(string file, CancellationToken cancellationToken)
    {
        var jobs = new List<TraceJob>();
        var skipped = 0;
        var index = 0;
        await using var stream = File.OpenRead(file);
        try
        {
            await foreach (var job in JsonSerializer.DeserializeAsyncEnumerable<PhillyJob>(stream, cancellationToken: cancellationToken))
            {
                index++;
                if (job?.JobId is null || job.SubmittedTime is null)
                {
                    throw TraceProblem.AtJob(file, index, "", ProblemMessage.Of("compute.trace.philly-no-id"));
                }

                var attempts = (job.Attempts ?? []).Where(a => a.StartTime is not null && a.EndTime is not null).ToList();
                var gpus = attempts.LastOrDefault()?.Detail?.Sum(d => d.Gpus?.Count ?? 0) ?? 0;
                if (attempts.Count == 0 || gpus == 0)
                {
                    skipped++;
                    continue;
                }

                var submitted = PhillyTime(file, index, "submitted_time", job.SubmittedTime);
                var start = PhillyTime(file, index, "start_time", attempts[0].StartTime!);
                var end = PhillyTime(file, index, "end_time", attempts[^1].EndTime!);
                if (end <= start)
                {
                    skipped++;
                    continue;
                }

                jobs.Add(new TraceJob(job.JobId, job.User ?? "", submitted, end - start, gpus));
            }
        }
        catch (JsonException e)
        {
            throw TraceProblem.NotJson(file, e, ProblemMessage.Of("compute.trace.philly-json", TraceProblem.PathOf(e)));
        }

        return new Result(jobs, skipped);
    }

    // Philly's times carry no zone; they are read as UTC, which keeps every interval right.
    private static DateTimeOffset PhillyTime(string file, int index, string field, string value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? new DateTimeOffset(t, TimeSpan.Zero)
            : throw TraceProblem.AtJob(file, index, field, ProblemMessage.Of("compute.trace.philly-time", value));

    /// <summary>
    /// Alibaba PAI v2020 <c>pai_task_table.csv</c>: job_name, task_name, inst_num, status, start_time, end_time,
    /// plan_cpu, plan_mem, plan_gpu, gpu_type (no header in the release; one is skipped if present). Times are
    /// seconds from a hidden origin; plan_gpu is per instance in percent (50 = half a GPU), so a task holds
    /// ceil(inst_num × plan_gpu / 100) GPUs. A job runs from its first task's launch to its last task's end; it was
    /// submitted at pai_job_table's start_time when that file is beside the task table, else at its first launch.
    /// </summary>
    private static Result ReadAlibaba(string file)
    {
        var submittedAt = ReadAlibabaSubmissions(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "pai_job_table.csv"));
        var jobs = new Dictionary<string, (double Start, double End, int Gpus)>(StringComparer.Ordinal);
        var skipped = 0;
        var line = 0;
        foreach (var row in File.ReadLines(file))
        {
            line++;
            if (row.Length == 0 || (line == 1 && row.StartsWith("job_name", StringComparison.Ordinal)))
            {
                continue;
            }

            var f = row.Split(',');
            if (f.Length < 10)
            {
                throw TraceProblem.AtLine(file, line, "", ProblemMessage.Of("compute.trace.too-few-columns", f.Length, 10));
            }

            if (!TryNumber(f[4], out var start) || !TryNumber(f[5], out var end) || !TryNumber(f[8], out var planGpu) || !TryNumber(f[2], out var instances))
            {
                skipped++; // the release leaves times or plans empty for tasks that never ran
                continue;
            }

            var gpus = (int)Math.Ceiling(instances * planGpu / 100);
            var id = f[0];
            jobs[id] = jobs.TryGetValue(id, out var j) ? (Math.Min(j.Start, start), Math.Max(j.End, end), j.Gpus + gpus) : (start, end, gpus);
        }

        var origin = new DateTimeOffset(2020, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var result = new List<TraceJob>(jobs.Count);
        foreach (var (id, j) in jobs)
        {
            if (j.Gpus == 0 || j.End <= j.Start)
            {
                skipped++; // CPU-only jobs hold no accelerator
                continue;
            }

            var (submitted, user) = submittedAt.TryGetValue(id, out var s) ? s : (j.Start, "");
            result.Add(new TraceJob(id, user, origin.AddSeconds(Math.Min(submitted, j.Start)), TimeSpan.FromSeconds(j.End - j.Start), j.Gpus));
        }

        return new Result(result, skipped);
    }

    /// <summary>pai_job_table.csv: job_name, inst_id, user, status, start_time (submission), end_time.</summary>
    private static Dictionary<string, (double Submitted, string User)> ReadAlibabaSubmissions(string file)
    {
        var submitted = new Dictionary<string, (double, string)>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return submitted;
        }

        foreach (var row in File.ReadLines(file))
        {
            var f = row.Split(',');
            if (f.Length >= 6 && TryNumber(f[4], out var at))
            {
                submitted[f[0]] = (at, f[2]);
            }
        }

        return submitted;
    }

    /// <summary>Funeng's CSV: header <c>job_id,user,submit_seconds,duration_seconds,gpus</c>, seconds from the trace's start.</summary>
    private static Result ReadCsv(string file)
    {
        const string header = "job_id,user,submit_seconds,duration_seconds,gpus";
        var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var jobs = new List<TraceJob>();
        var line = 0;
        foreach (var row in File.ReadLines(file))
        {
            line++;
            if (line == 1)
            {
                if (!string.Equals(row.Trim(), header, StringComparison.Ordinal))
                {
                    throw TraceProblem.AtLine(file, 1, "", ProblemMessage.Of("compute.trace.header", header));
                }

                continue;
            }

            if (row.Trim().Length == 0)
            {
                continue;
            }

            var f = row.Split(',');
            if (f.Length != 5)
            {
                throw TraceProblem.AtLine(file, line, "", ProblemMessage.Of("compute.trace.columns", f.Length, 5));
            }

            if (!TryNumber(f[2], out var submit) || submit < 0)
            {
                throw TraceProblem.AtLine(file, line, "submit_seconds", ProblemMessage.Of("compute.trace.seconds-from-zero", f[2]));
            }

            if (!TryNumber(f[3], out var duration) || duration <= 0)
            {
                throw TraceProblem.AtLine(file, line, "duration_seconds", ProblemMessage.Of("compute.trace.seconds-above-zero", f[3]));
            }

            if (!int.TryParse(f[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gpus) || gpus < 1)
            {
                throw TraceProblem.AtLine(file, line, "gpus", ProblemMessage.Of("compute.trace.whole-number-from", f[4], 1));
            }

            jobs.Add(new TraceJob(f[0], f[1], origin.AddSeconds(submit), TimeSpan.FromSeconds(duration), gpus));
        }

        return new Result(jobs, 0);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private sealed record PhillyJob(
        [property: JsonPropertyName("jobid")] string? JobId,
        [property: JsonPropertyName("user")] string? User,
        [property: JsonPropertyName("submitted_time")] string? SubmittedTime,
        [property: JsonPropertyName("attempts")] IReadOnlyList<PhillyAttempt>? Attempts);

    private sealed record PhillyAttempt(
        [property: JsonPropertyName("start_time")] string? StartTime,
        [property: JsonPropertyName("end_time")] string? EndTime,
        [property: JsonPropertyName("detail")] IReadOnlyList<PhillyDetail>? Detail);

    private sealed record PhillyDetail([property: JsonPropertyName("gpus")] IReadOnlyList<string>? Gpus);
}
