using System.Text.Json;
using System.Text.RegularExpressions;

namespace Funeng.Architecture.Tests;

/// <summary>
/// The one localisation mechanism holds together: every key the code asks the UI text for exists in some module's
/// strings.json with both languages, and every key there is asked for (a key is asked for by its literal, or by a
/// literal prefix the code completes: <c>"catalog.type." + key</c>, <c>$"mail.{kind}.subject"</c>, <c>"mail.confirm"</c>
/// + ".subject").
/// </summary>
public sealed partial class UiStringKeyTests
{
    private const string KeyPattern = @"[a-z][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+";

    private static readonly string Root = FindRoot();

    private static readonly Dictionary<string, (string Zh, string En, string File)> Strings = ReadStrings();

    private static readonly Dictionary<string, string> Sources = Directory
        .EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(Root, f), File.ReadAllText);

    [Fact]
    public void Every_key_has_a_Chinese_and_an_English_text()
    {
        var incomplete = Strings.Where(s => string.IsNullOrWhiteSpace(s.Value.Zh) || string.IsNullOrWhiteSpace(s.Value.En))
            .Select(s => $"{s.Key} ({s.Value.File})").ToList();
        Assert.True(incomplete.Count == 0, "Keys missing a language: " + string.Join(", ", incomplete));
    }

    /// <summary>A placeholder one language lacks loses an argument; one it has extra throws when formatted.</summary>
    [Fact]
    public void Both_languages_of_a_key_take_the_same_arguments()
    {
        static string Arguments(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
        var mismatched = Strings.Where(s => Arguments(s.Value.Zh) != Arguments(s.Value.En)).Select(s => $"{s.Key} ({s.Value.File})").ToList();
        Assert.True(mismatched.Count == 0, "Keys whose languages take different arguments: " + string.Join(", ", mismatched));
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists()
    {
        var missing = new List<string>();
        foreach (var (file, text) in Sources)
        {
            foreach (Match use in KeyUse().Matches(text))
            {
                var key = use.Groups["key"].Value;
                if (!Strings.ContainsKey(key))
                {
                    missing.Add($"{key} ({file})");
                }
            }
        }

        Assert.True(missing.Count == 0, "Keys used in code but in no strings.json: " + string.Join(", ", missing.Distinct()));
    }

    [Fact]
    public void Every_key_in_strings_json_is_used()
    {
        var literals = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Sources.Values)
        {
            literals.UnionWith(Literal().Matches(text).Select(m => m.Groups[1].Value));
            prefixes.UnionWith(Prefix().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
        }

        // A literal that is no key itself but the stem of keys ("mail.confirm" → "mail.confirm.subject") is a prefix.
        prefixes.UnionWith(literals.Where(l => !Strings.ContainsKey(l)).Select(l => l + "."));
        var unused = Strings.Keys.Where(k => !literals.Contains(k) && !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)))
            .Select(k => $"{k} ({Strings[k].File})").ToList();
        Assert.True(unused.Count == 0, "Keys no code uses: " + string.Join(", ", unused));
    }

    private static Dictionary<string, (string Zh, string En, string File)> ReadStrings()
    {
        var strings = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "strings.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                string Text(string language) => entry.Value.TryGetProperty(language, out var t) ? t.GetString() ?? "" : "";
                Assert.True(strings.TryAdd(entry.Name, (Text("zh"), Text("en"), Path.GetRelativePath(Root, file))), $"{entry.Name} is defined twice");
            }
        }

        return strings;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funeng.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("No Funeng.slnx above " + AppContext.BaseDirectory);
    }

    // A whole key handed to the UI text or to a problem: T["k"], text.Format("k", …), ProblemMessage.Of("k"),
    // FieldProblem.Of(field, "k"), InvalidInputException.For(field, "k"). A literal followed by + is a prefix.
    [GeneratedRegex(@"(?:\b(?:T|text|Text)\s*(?:\[|\.Format\(|\.Get\()|ProblemMessage\.Of\(|(?:FieldProblem\.Of|Exception\.For)\([^,()]+,)\s*""(?<key>" + KeyPattern + @")""(?!\s*\+)")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("\"(" + KeyPattern + ")\"")]
    private static partial Regex Literal();

    [GeneratedRegex("\"(" + KeyPattern + @"\.|[a-z][a-z0-9_-]*\.)(?:""|\{)|""(" + KeyPattern + @")(?:""\s*\+|\{)")]
    private static partial Regex Prefix();
}
