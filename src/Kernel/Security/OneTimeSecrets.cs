using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Kernel.Security;

/// <summary>
/// Shows secrets the operator sees once (the demo accounts' generated passwords). Never through the logger: on the
/// terminal when the output is one; when the output is redirected (a service manager, a log file, a container log),
/// into an owner-only file, and only the file's name goes to the output.
/// </summary>
public static class OneTimeSecrets
{
    /// <summary>
    /// Writes <paramref name="lines"/> to <paramref name="console"/>, or to <paramref name="file"/> when the output is
    /// redirected, saying so in <paramref name="culture"/>.
    /// </summary>
    /// <returns>The file written, or null when the lines went to the terminal.</returns>
    public static string? Show(IReadOnlyList<string> lines, TextWriter console, bool outputRedirected, string file, UiText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(console);
        if (lines.Count == 0)
        {
            return null;
        }

        if (!outputRedirected)
        {
            foreach (var line in lines)
            {
                console.WriteLine(line);
            }

            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using (var writer = new StreamWriter(file, System.Text.Encoding.UTF8, SecretFiles.OwnerOnly(FileMode.Create)))
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            // FileMode.Create keeps an existing file's mode: make sure it is the owner's only.
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        console.WriteLine(ProblemMessage.Of("secrets.written-to", Path.GetFullPath(file)).In(text, culture));
        return file;
    }
}
