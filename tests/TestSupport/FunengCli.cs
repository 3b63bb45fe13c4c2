using System.Diagnostics;
using Xunit;

namespace Funeng.TestSupport;

/// <summary>Runs the real funeng command line (built beside the tests) against a fixture's database.</summary>
public static class FunengCli
{
    public static Task<(int ExitCode, string Output)> RunAsync(ITestApp app, params string[] arguments) =>
        RunAsync(app, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs the CLI with <paramref name="environment"/> added to (or, for a null value, removed from) its environment.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ITestApp app, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (exitCode, output, error) = await RunProcessAsync(StartInfo(app, arguments), environment);
        return (exitCode, output + error);
    }

    /// <summary>Runs a process with <paramref name="environment"/> added to (or, for a null value, removed from) its environment; its exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var cancellation = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>How to start the CLI against the fixture's database, for a test that drives the process itself (e.g. kills it).</summary>
    public static ProcessStartInfo StartInfo(ITestApp app, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(app);
        var cli = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Cli", "debug", "Funeng.Cli.dll"));
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"The CLI is not built at {cli}; build src/Hosts/Cli first.", cli);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = app.Provider.ToString();
        start.Environment["ConnectionStrings__Funeng"] = app.ConnectionString;
        start.Environment["COLUMNS"] = "200";
        // The CLI's language follows FUNENG_CULTURE and LANG when --culture is absent; a test says which it wants.
        start.Environment.Remove("FUNENG_CULTURE");
        start.Environment["LANG"] = "C.UTF-8";
        return start;
    }
}
