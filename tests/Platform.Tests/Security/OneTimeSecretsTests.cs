using System.Globalization;
using Funeng.Kernel;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;

namespace Funeng.Platform.Tests.Security;

/// <summary>Issue 15: demo passwords must not land in the server log.</summary>
public sealed class OneTimeSecretsTests
{
    private static readonly string[] Lines = ["Demo accounts:", "  OfficeStaff office@funeng.local Fn-secret-password7a"];

    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly)]);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(UiCultures.Chinese);

    [Fact]
    public void On_a_terminal_the_passwords_are_shown_and_no_file_is_written()
    {
        var file = Path.Combine(Path.GetTempPath(), $"funeng-secrets-{Guid.NewGuid():N}", "demo-accounts.txt");
        using var console = new StringWriter();
        Assert.Null(OneTimeSecrets.Show(Lines, console, outputRedirected: false, file, Text, Chinese));
        Assert.Contains("Fn-secret-password7a", console.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void Bug_15_when_the_output_is_a_log_the_passwords_go_to_an_owner_only_file_not_the_log()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"funeng-secrets-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "demo-accounts.txt");
        try
        {
            using var log = new StringWriter();
            Assert.Equal(file, OneTimeSecrets.Show(Lines, log, outputRedirected: true, file, Text, Chinese));
            Assert.DoesNotContain("Fn-secret-password7a", log.ToString(), StringComparison.Ordinal);
            Assert.Contains(file, log.ToString(), StringComparison.Ordinal);
            Assert.Contains("一次性机密（演示账户密码）已写入", log.ToString(), StringComparison.Ordinal);
            Assert.Contains("Fn-secret-password7a", File.ReadAllText(file), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
