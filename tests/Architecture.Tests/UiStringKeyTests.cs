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

    private static readonly string Root = SourceFiles.Root;

    private static readonly Dictionary<string, (string Zh, string En, string File)> Strings = ReadStrings();

    private static readonly IReadOnlyDictionary<string, string> Sources = SourceFiles.Code;

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

    /// <summary>
    /// A count's noun written in a placeholder (<c>{0:entry|entries}</c>, <see cref="Funeng.Kernel.Localization.UiTemplate"/>) has
    /// its form for one and its form for many, and an English count of things ("{0} entries") is written so: read as
    /// "1 entries" on English pages it was not.
    /// </summary>
    [Fact]
    public void A_count_of_things_in_english_names_its_noun_in_the_form_for_its_number()
    {
        var malformed = Strings.SelectMany(s => Placeholder().Matches(s.Value.En).Concat(Placeholder().Matches(s.Value.Zh))
                .Where(m => m.Value.Contains('|', StringComparison.Ordinal) && !Funeng.Kernel.Localization.UiTemplate.IsCountForm(m.Value[(m.Value.IndexOf(':', StringComparison.Ordinal) + 1)..^1]))
                .Select(m => $"{s.Key}: {m.Value}"))
            .ToList();
        Assert.True(malformed.Count == 0, "Count forms without a form for one and one for many: " + string.Join(", ", malformed));

        // A stepped unit ("1000000:{0} M vehicles|0:{0} vehicles", TargetText.Scaled) uses the bar between its steps, and
        // writes a policy target's amounts, which are never one.
        var plainPlurals = Strings.Where(s => CountedNoun().IsMatch(s.Value.En) && !SteppedUnit().IsMatch(s.Value.En)).Select(s => $"{s.Key}: {s.Value.En}").ToList();
        Assert.True(plainPlurals.Count == 0, "English counts of things without a form for one (write {0} {0:entry|entries}): " + string.Join(", ", plainPlurals));
    }

    /// <summary>
    /// What the platform writes to its operator's log is worded in strings.json too (<c>OperatorLog</c>, in the
    /// operator's language): a message written as an English literal was the one English line among the Chinese
    /// start-up steps of <c>./funeng serve</c>. A literal that is only a placeholder passes a worded text on.
    /// </summary>
    [Fact]
    public void The_platforms_log_lines_are_worded_in_strings_json()
    {
        var literal = Sources.Where(s => LiteralLogLine().IsMatch(s.Value)).Select(s => $"{s.Key}: {LiteralLogLine().Match(s.Value).Value}").ToList();
        Assert.True(literal.Count == 0, "Log lines written as literals (write them through OperatorLog with a strings.json key): " + string.Join(", ", literal));
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

    /// <summary>
    /// The audit page names every action and entity type a module records by its label (<c>audit.action.</c> + the
    /// action, <c>audit.entity.</c> + the type): each such code written in a file that records audit events has one,
    /// and an action written with a computed tail (<c>$"scenarios.challenge.{action}"</c>) has labels under its stem.
    /// </summary>
    [Fact]
    public void Every_audit_action_and_entity_type_the_code_records_has_a_label()
    {
        var unlabelled = new List<string>();
        foreach (var (file, text) in AuditSources())
        {
            foreach (Match code in AuditCode().Matches(text))
            {
                var value = code.Groups["code"].Value;
                var labelled = code.Groups["stem"].Success
                    ? Strings.Keys.Any(k => k.StartsWith("audit.action." + value, StringComparison.Ordinal))
                    : Strings.ContainsKey(value) || Strings.ContainsKey("audit.action." + value) || Strings.ContainsKey("audit.entity." + value);
                if (!labelled)
                {
                    unlabelled.Add($"{value} ({file})");
                }
            }
        }

        Assert.True(unlabelled.Count == 0, "Audit codes without an audit.action.* or audit.entity.* label: " + string.Join(", ", unlabelled.Distinct()));
    }

    /// <summary>An action label names an action some module records (or one under a stem it completes).</summary>
    [Fact]
    public void Every_audit_action_label_names_an_action_the_code_records()
    {
        var codes = AuditSources().SelectMany(s => AuditCode().Matches(s.Text)).Select(m => (m.Groups["code"].Value, Stem: m.Groups["stem"].Success)).ToList();
        var orphans = Strings.Keys.Where(k => k.StartsWith("audit.action.", StringComparison.Ordinal))
            .Select(k => k["audit.action.".Length..])
            .Where(action => !codes.Any(c => c.Stem ? action.StartsWith(c.Value, StringComparison.Ordinal) : action == c.Value))
            .ToList();
        Assert.True(orphans.Count == 0, "Audit action labels no code records: " + string.Join(", ", orphans));
    }

    private static IEnumerable<(string File, string Text)> AuditSources() =>
        Sources.Where(s => s.Value.Contains("AuditEvent", StringComparison.Ordinal) && !s.Key.Contains("Contracts", StringComparison.Ordinal))
            .Select(s => (s.Key, s.Value));

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

    // A whole key handed to the UI text or to a problem: T["k"], text.Format("k", …), ProblemMessage.Of("k"),
    // FieldProblem.Of(field, "k"), InvalidInputException.For(field, "k"). A literal followed by + is a prefix.
    [GeneratedRegex(@"(?:\b(?:T|text|Text)\s*(?:\[|\.Format\(|\.Get\()|ProblemMessage\.Of\(|(?:FieldProblem\.Of|Exception\.For)\([^,()]+,)\s*""(?<key>" + KeyPattern + @")""(?!\s*\+)")]
    private static partial Regex KeyUse();

    // A module-prefixed code in quotes ("compute.pool.registered"), or the stem of one completed by interpolation
    // ($"compute.request.{state}"): stems end with a dot, codes do not.
    [GeneratedRegex(@"""(?<code>(?:platform|policy|scenarios|catalog|incentives|compute|index)\.[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)""|\$""(?<code>(?:platform|policy|scenarios|catalog|incentives|compute|index)\.(?:[a-z0-9_-]+\.)*)(?<stem>)\{")]
    private static partial Regex AuditCode();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    // A count followed by a noun that is one of the platform's counted things in the plural, or by "noun(s)", not yet in a count form.
    [GeneratedRegex(@"\{\d+(?::[^}|]*)?\}\s+(?:(?:entries|results|rows|listings|organisations|documents|measures|targets|scenarios|devices|hours|nodes|jobs|centres|enterprises|awards|values|seconds|problems|matches|searches|device-hours|points|bytes)\b|(?:[a-z]+ )?[a-z]+\(s\))")]
    private static partial Regex CountedNoun();

    [GeneratedRegex(@"^\d+:")]
    private static partial Regex SteppedUnit();

    [GeneratedRegex("\"(" + KeyPattern + ")\"")]
    private static partial Regex Literal();

    [GeneratedRegex("\"(" + KeyPattern + @"\.|[a-z][a-z0-9_-]*\.)(?:""|\{)|""(" + KeyPattern + @")(?:""\s*\+|\{)")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\.Log(?:Trace|Debug|Information|Warning|Error|Critical)\((?:[^;""]*,\s*)?""(?!\{\w+\}"")|\[LoggerMessage\(")]
    private static partial Regex LiteralLogLine();
}
