using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Funeng.Compute.Engines;

/// <summary>Where the Slurm engine finds its cluster (section <c>Compute:Slurm</c>).</summary>
internal sealed class SlurmOptions
{
    /// <summary>The cluster's slurm.conf; empty uses the machine's (or <c>SLURM_CONF</c>).</summary>
    public string? ConfigFile { get; set; }

    /// <summary>The partition jobs go to; empty uses the cluster's default.</summary>
    public string? Partition { get; set; }

    /// <summary>The generic resource a device is (e.g. <c>gpu</c>): a job asks <c>--gres=gpu:N</c>. Empty asks one task per device.</summary>
    public string? Gres { get; set; }

    /// <summary>Folder for job output files; empty uses the temp folder.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>The centre's own Slurm account jobs are charged to (<c>--account</c>); empty uses the submitting user's default.</summary>
    public string? Account { get; set; }

    /// <summary>Minutes added to a job's planned time for its Slurm time limit (<c>--time</c>).</summary>
    public int TimeLimitSlackMinutes { get; set; } = 1;
}

/// <summary>Submits, watches and cancels jobs on a Slurm cluster with sbatch, scontrol and scancel.</summary>
internal sealed class SlurmEngine(IOptions<SlurmOptions> options) : IComputeEngine, INodeInventory
{
    public const string EngineName = "slurm";

    public string Name => EngineName;

    /// <summary>
    /// The batch script every job runs: it executes its arguments, which sbatch passes as the script's argv. No
    /// request text is ever parsed by a shell; the program and each argument arrive as they were validated.
    /// </summary>
    public const string Launcher = "#!/bin/sh\n# Written by Funeng: runs a registered job template; the program and its arguments come as argv.\nexec \"$@\"\n";

    public async Task<string> SubmitAsync(EngineJob job, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var work = string.IsNullOrWhiteSpace(o.WorkDirectory) ? Path.Combine(Path.GetTempPath(), "funeng-slurm-jobs") : o.WorkDirectory;
        Directory.CreateDirectory(work);
        var launcher = Path.Combine(work, "funeng-launcher.sh");
        if (!File.Exists(launcher) || await File.ReadAllTextAsync(launcher, cancellationToken) != Launcher)
        {
            await File.WriteAllTextAsync(launcher, Launcher, cancellationToken);
        }

        var seconds = Math.Max(1, (long)Math.Ceiling((job.PlannedEnd - job.PlannedStart).TotalSeconds));
        // Without a template (reserve) the job holds its devices for the planned time, as a reservation would.
        var run = job.Run ?? new JobSpec(JobSpec.Reservation, "/bin/sleep", [seconds.ToString(CultureInfo.InvariantCulture)]);
        var minutes = (seconds + 59) / 60 + Math.Max(0, o.TimeLimitSlackMinutes);
        List<string> args = ["--parsable", "--job-name", job.Name, "--chdir", work, "--output", Path.Combine(work, "%j.out"),
            "--time", minutes.ToString(CultureInfo.InvariantCulture)];
        if (!string.IsNullOrWhiteSpace(o.Partition))
        {
            args.AddRange(["--partition", o.Partition]);
        }

        if (!string.IsNullOrWhiteSpace(o.Account))
        {
            args.AddRange(["--account", o.Account]);
        }

        args.Add(string.IsNullOrWhiteSpace(o.Gres)
            ? $"--ntasks={job.Devices.ToString(CultureInfo.InvariantCulture)}"
            : $"--gres={o.Gres}:{job.Devices.ToString(CultureInfo.InvariantCulture)}");
        args.Add(launcher);
        args.Add(run.EntryPoint);
        args.AddRange(run.Arguments);
        var output = await RunAsync("sbatch", args, cancellationToken);
        // --parsable prints "jobid" or "jobid;cluster".
        var id = output.Trim().Split(';')[0];
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? id
            : throw new EngineException($"sbatch answered '{output.Trim()}', not a job id.");
    }

    public async Task<EngineJobState> GetStateAsync(EngineJob job, string externalId, CancellationToken cancellationToken)
    {
        string output;
        try
        {
            output = await RunAsync("scontrol", ["show", "job", "--oneliner", externalId], cancellationToken);
        }
        catch (EngineException e) when (e.Message.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase))
        {
            return EngineJobState.Unknown; // slurmctld forgets a job MinJobAge seconds after it ends
        }

        var field = output.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(f => f.StartsWith("JobState=", StringComparison.Ordinal));
        return field is null ? EngineJobState.Unknown : FromSlurm(field["JobState=".Length..]);
    }

    public Task CancelAsync(string externalId, CancellationToken cancellationToken) =>
        RunAsync("scancel", [externalId], cancellationToken);

    /// <summary>The cluster's nodes from <c>scontrol show node --oneliner</c>: CPUTot, RealMemory, and the GPUs of <c>Gres</c>.</summary>
    public async Task<IReadOnlyList<ReportedNode>> ListNodesAsync(CancellationToken cancellationToken) =>
        ParseNodes(await RunAsync("scontrol", ["show", "node", "--oneliner"], cancellationToken), string.IsNullOrWhiteSpace(options.Value.Gres) ? "gpu" : options.Value.Gres);

    /// <summary>
    /// Reads <c>scontrol show node --oneliner</c> output, one node a line. GPUs come from the Gres field's entries
    /// of the resource <paramref name="gres"/>: <c>gpu:8</c>, <c>gpu:a100:4(S:0-1)</c>; several types are summed and
    /// their names joined.
    /// </summary>
    public static IReadOnlyList<ReportedNode> ParseNodes(string output, string gres)
    {
        var nodes = new List<ReportedNode>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Where(f => f.Length == 2)
                .GroupBy(f => f[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            if (!fields.TryGetValue("NodeName", out var name))
            {
                continue;
            }

            var gpus = 0;
            var models = new List<string>();
            foreach (var entry in SplitOutsideParentheses(fields.GetValueOrDefault("Gres", "(null)")))
            {
                var parts = entry.Split('(')[0].Split(':');
                if (parts[0] != gres || parts.Length < 2 || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    continue;
                }

                gpus += count;
                models.Add(parts.Length >= 3 ? parts[1] : gres);
            }

            nodes.Add(new ReportedNode(name, Number(fields, "CPUTot") * 1000, Number(fields, "RealMemory"), gpus,
                models.Count == 0 ? "none" : string.Join('+', models.Distinct()), fields.GetValueOrDefault("State", "UNKNOWN")));
        }

        return nodes;
    }

    private static int Number(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static IEnumerable<string> SplitOutsideParentheses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                yield return text[start..i];
                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth--;
            }
        }
    }

    /// <summary>Slurm's job states (man squeue, JOB STATE CODES) as the module's.</summary>
    public static EngineJobState FromSlurm(string state) => state switch
    {
        "PENDING" or "CONFIGURING" or "REQUEUED" or "RESV_DEL_HOLD" or "REQUEUE_HOLD" or "SUSPENDED" => EngineJobState.Pending,
        "RUNNING" or "COMPLETING" or "STAGE_OUT" or "SIGNALING" or "RESIZING" => EngineJobState.Running,
        "COMPLETED" => EngineJobState.Finished,
        "CANCELLED" => EngineJobState.Cancelled,
        "FAILED" or "TIMEOUT" or "NODE_FAIL" or "OUT_OF_MEMORY" or "BOOT_FAIL" or "DEADLINE" or "PREEMPTED" or "REVOKED" => EngineJobState.Failed,
        _ => EngineJobState.Unknown,
    };

    private async Task<string> RunAsync(string program, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (!string.IsNullOrWhiteSpace(options.Value.ConfigFile))
        {
            start.Environment["SLURM_CONF"] = options.Value.ConfigFile;
        }

        using var process = Process.Start(start) ?? throw new EngineException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new EngineException($"{program} failed ({process.ExitCode}): {(await stderr).Trim()}");
        }

        return await stdout;
    }
}
