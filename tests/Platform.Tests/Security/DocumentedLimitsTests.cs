using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Funeng.Platform.Tests.Security;

/// <summary>
/// docs/security.md's table of limits names, for each limit, the constant or option that sets it and its value; the
/// two must agree, so a changed limit changes the document with it.
/// </summary>
public sealed partial class DocumentedLimitsTests
{
    [Fact]
    public void Every_documented_limit_is_the_default_of_the_constant_or_option_it_names()
    {
        var rows = LimitRows().ToList();
        var checkedRows = 0;
        var problems = new List<string>();
        foreach (var (limit, value, setIn) in rows)
        {
            var names = MemberName().Matches(setIn).Select(m => m.Groups[1].Value).ToList();
            var numbers = Number().Matches(value).Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
            if (names.Count == 0 || numbers.Count == 0)
            {
                continue;
            }

            // "100 / 200 characters" pairs with two names; otherwise the first number is the first name's value.
            for (var i = 0; i < names.Count && i < (numbers.Count == names.Count ? names.Count : 1); i++)
            {
                var (found, actual) = DefaultOf(names[i]);
                if (!found)
                {
                    problems.Add($"{limit}: `{names[i]}` names no member of a type in the Funeng assemblies");
                }
                else if (actual is null)
                {
                    continue; // a method or a policy name: where the limit is set, not its value
                }
                else if (actual != numbers[i])
                {
                    problems.Add($"{limit}: the document says {numbers[i]}, `{names[i]}` is {actual}");
                }

                checkedRows++;
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedRows >= 25, $"only {checkedRows} limits checked; the table has {rows.Count} rows");
    }

    /// <summary>The rows of the "Limits and where they are set" table: limit, value, where it is set.</summary>
    private static IEnumerable<(string Limit, string Value, string SetIn)> LimitRows()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "security.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "docs", "security.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## Limits", StringComparison.Ordinal));
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            yield return (cells[0], cells[1], cells[2]);
        }
    }

    /// <summary>
    /// Whether <c>Type.Member</c> exists, and its number: a constant or static field's value, or an options
    /// property's default; null when the member holds no number (a method, a policy name).
    /// </summary>
    private static (bool Found, decimal? Number) DefaultOf(string name)
    {
        var (typeName, memberName) = (name[..name.IndexOf('.', StringComparison.Ordinal)], name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var types = FunengAssemblies().SelectMany(a => a.GetTypes()).Where(t => t.Name == typeName).ToList();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        if (types.Count != 1 || types[0].GetMember(memberName, all).Length == 0)
        {
            return (false, null);
        }

        var type = types[0];
        object? value = type.GetField(memberName, all) is { IsStatic: true } field ? field.GetValue(null)
            : type.GetProperty(memberName, all) is { } property && type.GetConstructor(Type.EmptyTypes) is not null ? property.GetValue(Activator.CreateInstance(type))
            : null;
        return (true, value is IConvertible number and not string ? Convert.ToDecimal(number, CultureInfo.InvariantCulture) : null);
    }

    private static IEnumerable<Assembly> FunengAssemblies() =>
        new[] { "Kernel", "Platform", "Policy", "Scenarios", "Catalog", "Incentives", "Compute", "Index" }.Select(m => Assembly.Load("Funeng." + m));

    [GeneratedRegex(@"`([A-Z]\w*\.[A-Z]\w*)`")]
    private static partial Regex MemberName();

    [GeneratedRegex(@"\d[\d,]*")]
    private static partial Regex Number();
}
