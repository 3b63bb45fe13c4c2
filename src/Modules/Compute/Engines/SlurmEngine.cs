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
}

/// <summary>Submits, watches and cancels jobs on a Slurm cluster with sbatch, scontrol and scancel.</summary>
internal sealed class SlurmEngine(IOptions<SlurmOptions> options) : IComputeEngine
{
    public const string EngineName = "slurm";

    public string Name => EngineName;

    public async Task<string> SubmitAsync(EngineJob job, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var work = string.IsNullOrWhiteSpace(o.WorkDirectory) ? Path.Combine(Path.GetTempPath(), "funeng-slurm-jobs") : o.WorkDirectory;
        Directory.CreateDirectory(work);
        // Without a command the job holds its devices for the planned time, as a reservation would.
        var seconds = Math.Max(1, (long)(job.PlannedEnd - job.PlannedStart).TotalSeconds);
        var command = string.IsNullOrWhiteSpace(job.Command) ? $"sleep {seconds.ToString(CultureInfo.InvariantCulture)}" : job.Command;
        List<string> args = ["--parsable", "--job-name", job.Name, "--chdir", work, "--output", Path.Combine(work, "%j.out")];
        if (!string.IsNullOrWhiteSpace(o.Partition))
        {
            args.AddRange(["--partition", o.Partition]);
        }

        args.Add(string.IsNullOrWhiteSpace(o.Gres)
            ? $"--ntasks={job.Devices.ToString(CultureInfo.InvariantCulture)}"
            : $"--gres={o.Gres}:{job.Devices.ToString(CultureInfo.InvariantCulture)}");
        args.AddRange(["--wrap", command]);
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
