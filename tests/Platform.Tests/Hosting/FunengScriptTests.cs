using System.Diagnostics;
using Funeng.TestSupport;

namespace Funeng.Platform.Tests.Hosting;

/// <summary>
/// The <c>./funeng</c> script's own lines (issue 11) speak the command line's language by the command line's rule
/// (docs/decisions/0015): for the same arguments and environment, the script's line and the real CLI's help read in
/// the same language. The script runs for real, with a <c>dotnet</c> on its PATH that does nothing, so that
/// <c>serve</c> prints its line without building or starting anything.
/// </summary>
public sealed class FunengScriptTests(PlatformSqliteApp app) : IClassFixture<PlatformSqliteApp>, IDisposable
{
    private const string BuildingZh = "正在构建赋能平台（debug）……";
    private const string BuildingEn = "Building Funeng (debug)...";

    private readonly string _fakeDotnet = Directory.CreateTempSubdirectory("funeng-fake-dotnet-").FullName;

    public void Dispose() => Directory.Delete(_fakeDotnet, recursive: true);

    [Theory]
    [InlineData(new string[0], null, null, "zh")]
    [InlineData(new[] { "--culture", "en" }, null, null, "en")]
    [InlineData(new[] { "--culture=EN" }, null, null, "en")]
    [InlineData(new[] { "--culture:en", "--culture", "zh-CN" }, null, null, "zh")]
    [InlineData(new[] { "--culture", "--culture=en" }, null, null, "en")]
    [InlineData(new[] { "--culture", "fr" }, "en", null, "en")]
    [InlineData(new[] { "--", "--culture", "en" }, null, null, "zh")]
    [InlineData(new string[0], "en-US", null, "en")]
    [InlineData(new string[0], "zh-CN", "en_US.UTF-8", "zh")]
    [InlineData(new string[0], "fr", "en_US.UTF-8", "en")]
    [InlineData(new string[0], null, "en_GB.UTF-8", "en")]
    [InlineData(new string[0], null, "zh_CN.UTF-8", "zh")]
    [InlineData(new[] { "--culture", "zh-CN" }, "en", "en_US.UTF-8", "zh")]
    public async Task The_scripts_own_line_reads_in_the_language_the_command_line_chooses(string[] arguments, string? funengCulture, string? lang, string language)
    {
        var environment = new Dictionary<string, string?> { ["FUNENG_CULTURE"] = funengCulture, ["LANG"] = lang ?? "C.UTF-8" };

        var script = await RunScriptAsync(environment, ["serve", .. arguments]);
        Assert.StartsWith(language == "en" ? BuildingEn : BuildingZh, script, StringComparison.Ordinal);

        var (_, help) = await FunengCli.RunAsync(app, environment, ["--help", .. arguments]);
        Assert.Contains(language == "en" ? "administer the Funeng platform" : "管理赋能平台", help, StringComparison.Ordinal);
    }

    private async Task<string> RunScriptAsync(IReadOnlyDictionary<string, string?> environment, string[] arguments)
    {
        var fake = Path.Combine(_fakeDotnet, "dotnet");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nexit 0\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "funeng")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The script then changes into the web host's build output, there since the tests' build built the host.
        start.Environment["PATH"] = _fakeDotnet + Path.PathSeparator + start.Environment["PATH"];
        var (exitCode, output, error) = await FunengCli.RunProcessAsync(start, environment);
        Assert.True(exitCode == 0, error);
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Funeng.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Funeng.slnx above {AppContext.BaseDirectory}.");
    }
}
