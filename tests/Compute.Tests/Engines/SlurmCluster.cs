using System.Diagnostics;
using Funeng.TestSupport;

namespace Funeng.Compute.Tests.Engines;

/// <summary>
/// The app on SQLite with a real single-machine Slurm cluster beside it, started by scripts/test-slurm (munged,
/// slurmctld and slurmd on localhost, eight fake GPUs) and stopped after the tests. Slurm missing fails the tests.
/// </summary>
// On the whole app's SQLite host, not Compute's module-only one: it needs ExtraSettings (the cluster's files and the
// operator's job templates), which ModuleApp does not offer yet.
public sealed class SlurmApp : SqliteApp
{
    private string? _folder;

    public string ConfigFile => Path.Combine(_folder!, "slurm.conf");

    /// <summary>Where jobs run and write their output (<c>JOBID.out</c>).</summary>
    public string JobsFolder => Path.Combine(_folder!, "jobs");

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Compute:Slurm:ConfigFile"] = ConfigFile,
        ["Compute:Slurm:Gres"] = "gpu",
        ["Compute:Slurm:WorkDirectory"] = JobsFolder,
        // The templates this centre's operator registers: programs on the nodes, arguments as data.
        ["Compute:JobTemplates:sleep:TitleZh"] = "等待", ["Compute:JobTemplates:sleep:TitleEn"] = "Sleep",
        ["Compute:JobTemplates:sleep:EntryPoint"] = "/bin/sleep",
        ["Compute:JobTemplates:sleep:Parameters:0:Name"] = "seconds", ["Compute:JobTemplates:sleep:Parameters:0:Kind"] = "integer",
        ["Compute:JobTemplates:sleep:Parameters:0:Min"] = "1", ["Compute:JobTemplates:sleep:Parameters:0:Max"] = "600",
        ["Compute:JobTemplates:sleep:Parameters:0:Required"] = "true",
        ["Compute:JobTemplates:echo:TitleZh"] = "回显", ["Compute:JobTemplates:echo:TitleEn"] = "Echo",
        ["Compute:JobTemplates:echo:EntryPoint"] = "/bin/echo",
        ["Compute:JobTemplates:echo:Parameters:0:Name"] = "message", ["Compute:JobTemplates:echo:Parameters:0:MaxLength"] = "1000",
        ["Compute:JobTemplates:fail:TitleZh"] = "失败", ["Compute:JobTemplates:fail:TitleEn"] = "Fail",
        ["Compute:JobTemplates:fail:EntryPoint"] = "/bin/sh",
        ["Compute:JobTemplates:fail:Arguments:0"] = "-c", ["Compute:JobTemplates:fail:Arguments:1"] = "exit 3",
        ["Compute:WatchIntervalSeconds"] = "0", // the tests drive each round
    };

    public override async ValueTask InitializeAsync()
    {
        var output = await RunScriptAsync("start");
        _folder = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("export FUNENG_TEST_SLURM=", StringComparison.Ordinal))
            .Split('=', 2)[1].Trim('\'');
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_folder is not null)
        {
            await RunScriptAsync("stop", _folder);
        }
    }

    /// <summary>Waits (up to 30 s) until scontrol gives the job <paramref name="expected"/>; returns the last state seen.</summary>
    public async Task<string> SlurmStateAsync(string jobId, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string state;
        while ((state = await SlurmStateAsync(jobId)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        return state;
    }

    /// <summary>What scontrol says of a job: its JobState.</summary>
    public async Task<string> SlurmStateAsync(string jobId)
    {
        var start = new ProcessStartInfo("scontrol", ["show", "job", "--oneliner", jobId]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["SLURM_CONF"] = ConfigFile;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split(' ').Single(f => f.StartsWith("JobState=", StringComparison.Ordinal))["JobState=".Length..];
    }

    private static async Task<string> RunScriptAsync(params string[] args)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "test-slurm");
        var start = new ProcessStartInfo(script, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed: {await stderr} (install slurm-wlm and munge: scripts/install-test-deps)");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Funeng.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Funeng.slnx) above " + AppContext.BaseDirectory);
    }
}
