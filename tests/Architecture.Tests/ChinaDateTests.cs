using System.Text.RegularExpressions;

namespace Funeng.Architecture.Tests;

/// <summary>
/// A date the platform decides by (today, a deadline's day, when a voucher is valid) is China's calendar date
/// (<c>ChinaTime.Today</c>, <c>ChinaTime.DateOf</c>): taken from an instant's UTC date it is yesterday's from 00:00 to
/// 08:00 in China.
/// </summary>
public sealed partial class ChinaDateTests
{
    [Fact]
    public void No_code_takes_a_date_from_an_instants_UTC_clock()
    {
        var offenders = SourceFiles.Code
            .SelectMany(f => UtcDate().Matches(f.Value).Select(m => $"{f.Key}: {m.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Use ChinaTime.Today or ChinaTime.DateOf:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_rule_reads_the_code_it_guards() =>
        Assert.Contains(SourceFiles.Code, f => f.Value.Contains("ChinaTime.Today(", StringComparison.Ordinal));

    [GeneratedRegex(@"DateOnly\.FromDateTime\([^;]*?(?:UtcDateTime|UtcNow|GetUtcNow\(\))[^;]*?\)")]
    private static partial Regex UtcDate();
}
