using System.Text.RegularExpressions;

namespace Funeng.Architecture.Tests;

/// <summary>
/// Browser tests wait for a page with <c>BrowserApp.ArriveAsync</c> or with the navigation's own wait
/// (<c>GotoAsync</c>'s <c>WaitUntil</c>), never with Playwright's client-side waits for an address or a load state:
/// those read the frame's state and then subscribe to its events, and lose an event delivered in between, which failed
/// CI on a busy machine (microsoft/playwright-dotnet#3364).
/// </summary>
public sealed partial class BrowserWaitTests
{
    private static readonly string Folder = Path.Combine(SourceFiles.Root, "tests", "Web.BrowserTests");

    [Fact]
    public void No_browser_test_waits_through_a_client_side_load_state_wait()
    {
        var offenders = Directory.EnumerateFiles(Folder, "*.cs")
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(l => ClientSideWait().IsMatch(l.line))
            .Select(l => $"{Path.GetFileName(l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use BrowserApp.ArriveAsync, or GotoAsync with WaitUntil:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_rule_reads_the_code_it_guards() =>
        Assert.Contains("ArriveAsync(", File.ReadAllText(Path.Combine(Folder, "BrowserApp.cs")), StringComparison.Ordinal);

    [GeneratedRegex(@"\.(?:WaitForURLAsync|WaitForLoadStateAsync|WaitForNavigationAsync|RunAndWaitForNavigationAsync)\(")]
    private static partial Regex ClientSideWait();
}
