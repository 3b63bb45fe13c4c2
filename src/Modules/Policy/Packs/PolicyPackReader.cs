using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;

namespace Funeng.Policy.Packs;

/// <summary>
/// Reads a policy pack folder (<c>pack.yaml</c> and the document files it lists) and validates all of it. Any
/// problem, in any file, throws <see cref="InvalidInputException"/> naming file, line and field; callers
/// write nothing unless the whole pack is valid.
/// </summary>
internal static partial class PolicyPackReader
{
    public const string PackFile = "pack.yaml";

    private static readonly Dictionary<string, TargetKind> Kinds = new()
    {
        ["goal"] = TargetKind.Goal, ["quota"] = TargetKind.Quota, ["cap"] = TargetKind.Cap,
    };

    private static readonly Dictionary<string, Comparator> Comparators = new()
    {
        ["more_than"] = Comparator.MoreThan,
        ["at_least"] = Comparator.AtLeast,
        ["at_most"] = Comparator.AtMost,
        ["exactly"] = Comparator.Exactly,
        ["multiple_of_baseline"] = Comparator.MultipleOfBaseline,
    };

    private static readonly Dictionary<string, TargetUnit> Units = new()
    {
        ["EFLOPS"] = TargetUnit.Eflops,
        ["CNY"] = TargetUnit.Cny,
        ["percent"] = TargetUnit.Percent,
        ["count"] = TargetUnit.Count,
        ["units"] = TargetUnit.Units,
        ["vehicles"] = TargetUnit.Vehicles,
        ["ratio"] = TargetUnit.Ratio,
        ["milliseconds"] = TargetUnit.Milliseconds,
    };

    private static readonly Dictionary<string, TargetCounting> Countings = new()
    {
        ["cumulative"] = TargetCounting.Cumulative, ["per_period"] = TargetCounting.PerPeriod, ["level"] = TargetCounting.Level,
    };

    private static readonly string[] Pers = ["year", "project", "case", "enterprise"];

    /// <summary>Reads and validates the pack in <paramref name="directory"/>.</summary>
    public static PolicyPackContent Read(string directory)
    {
        var errors = new List<DataFileError>();
        var packPath = Path.Combine(directory, PackFile);
        if (!File.Exists(packPath))
        {
            throw new InvalidInputException([new DataFileError(PackFile, 0, "(file)", ProblemMessage.Of("policy.pack.no-pack-file", PackFile, Path.GetFullPath(directory)))]);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var packText = File.ReadAllText(packPath, Encoding.UTF8);
        hash.AppendData(Encoding.UTF8.GetBytes(packText));
        var pack = YamlFields.Parse(PackFile, packText, errors);
        if (pack is null)
        {
            throw new InvalidInputException(errors);
        }

        var id = Key(pack, "id");
        var version = pack.Value("version");
        var name = pack.Text("name");
        var documentFiles = pack.Strings("documents");
        pack.RejectUnknown();

        var documents = new List<DocumentContent>();
        foreach (var file in documentFiles)
        {
            var full = Path.GetFullPath(Path.Combine(directory, file));
            if (!full.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal) || !File.Exists(full))
            {
                pack.Error("documents", ProblemMessage.Of("policy.pack.document-missing", file), pack.LineOf("documents"));
                continue;
            }

            var text = File.ReadAllText(full, Encoding.UTF8);
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n" + text));
            if (YamlFields.Parse(file, text, errors) is { } root && ReadDocument(root) is { } document)
            {
                documents.Add(document);
            }
        }

        CheckUnique(documents.Select(d => d.Id), documentFiles, errors);
        var targetIds = documents.SelectMany(d => d.Targets.Select(t => (d.Id, t.Id)));
        foreach (var duplicate in targetIds.GroupBy(t => t.Item2).Where(g => g.Count() > 1))
        {
            errors.Add(new DataFileError(PackFile, 0, "targets.id", ProblemMessage.Of("policy.pack.target-id-twice", duplicate.Key, duplicate.Select(d => d.Item1).ToList())));
        }

        if (errors.Count > 0 || id is null || version is null || name is null)
        {
            throw new InvalidInputException(errors);
        }

        return new PolicyPackContent(id, version, name, Convert.ToHexStringLower(hash.GetHashAndReset()), documents);

        DocumentContent? ReadDocument(YamlFields d)
        {
            var errorsBefore = errors.Count;
            var documentId = Key(d, "id");
            var title = d.Text("title");
            var issuer = d.Text("issuer");
            var issued = d.Date("issued");
            var validFrom = d.Date("valid_from", required: false);
            var validTo = d.Date("valid_to", required: false);
            if (validFrom is not null && validTo is not null && validTo < validFrom)
            {
                d.Error("valid_to", ProblemMessage.Of("policy.pack.valid-to-before-valid-from", validTo, validFrom), d.LineOf("valid_to"));
            }

            var scope = Scope(d);
            var source = SourceFile(d, "source", required: true);
            var note = d.Text("note", required: false);
            var measures = new List<MeasureContent>();
            foreach (var m in d.List("measures"))
            {
                var number = m.Value("number");
                if (number is not null && measures.Any(x => x.Number == number))
                {
                    m.Error("number", ProblemMessage.Of("policy.pack.measure-twice", number), m.LineOf("number"));
                }

                var measure = (number, m.Text("title"), m.Text("summary"), SourceFile(m, "source", required: false) ?? source);
                m.RejectUnknown();
                if (measure is (not null, not null, not null, not null))
                {
                    measures.Add(new MeasureContent(measure.number, measure.Item2, measure.Item3, measure.Item4));
                }
            }

            var targets = new List<TargetContent>();
            foreach (var t in d.List("targets", required: false))
            {
                if (ReadTarget(t, measures) is { } target)
                {
                    targets.Add(target);
                }
            }

            d.RejectUnknown();
            return errors.Count > errorsBefore || documentId is null || title is null || issuer is null || issued is null || scope is null || source is null
                ? null
                : new DocumentContent(documentId, title, issuer, issued.Value, validFrom, validTo, scope, source, note, measures, targets);
        }
    }

    private static TargetContent? ReadTarget(YamlFields t, IReadOnlyList<MeasureContent> measures)
    {
        var id = Key(t, "id");
        var kind = Lookup(t, "kind", Kinds);
        var indicator = t.Value("indicator");
        if (indicator is not null && !IndicatorPattern().IsMatch(indicator))
        {
            t.Error("indicator", ProblemMessage.Of("policy.pack.indicator-snake-case", indicator), t.LineOf("indicator"));
        }

        var name = t.Text("name");
        var comparator = Lookup(t, "comparator", Comparators);
        var value = t.Number("value");
        if (value is <= 0)
        {
            t.Error("value", ProblemMessage.Of("policy.pack.value-not-positive", value), t.LineOf("value"));
        }

        var unit = Lookup(t, "unit", Units);
        var per = t.OneOf("per", Pers, required: false);
        var year = t.WholeNumber("year", required: false, min: 2000, max: 2100);
        if (kind == TargetKind.Goal && year is null && !t.Has("year"))
        {
            t.Error("year", ProblemMessage.Of("policy.pack.goal-needs-year"));
        }

        var scope = Scope(t);
        var measure = t.Value("measure");
        if (measure is not null && measures.All(m => m.Number != measure))
        {
            t.Error("measure", ProblemMessage.Of("policy.pack.measure-unknown", measure), t.LineOf("measure"));
        }

        var headline = t.Flag("headline", required: false) ?? false;
        var note = t.Text("note", required: false);
        // Every target says how it counts: a cumulative goal read as a yearly one (or the reverse) gives a false progress figure.
        var counting = Lookup(t, "counting", Countings);
        if (kind == TargetKind.Quota && counting is not null and not TargetCounting.PerPeriod)
        {
            t.Error("counting", ProblemMessage.Of("policy.pack.quota-per-period"), t.LineOf("counting"));
        }

        t.RejectUnknown();
        if (id is null || kind is null || indicator is null || name is null || comparator is null || value is null || unit is null || scope is null || measure is null || counting is null)
        {
            return null;
        }

        return new TargetContent(id, kind.Value, indicator, name, comparator.Value, value.Value, unit.Value, per, year, scope, measure, headline, note, counting.Value);
    }

    private static T? Lookup<T>(YamlFields fields, string key, Dictionary<string, T> values)
        where T : struct
    {
        var text = fields.OneOf(key, values.Keys, required: true);
        return text is null ? null : values[text];
    }

    private static string? Key(YamlFields fields, string key)
    {
        var value = fields.Value(key);
        if (value is not null && !KeyPattern().IsMatch(value))
        {
            fields.Error(key, ProblemMessage.Of("policy.pack.key-kebab-case", value), fields.LineOf(key));
            return null;
        }

        return value;
    }

    private static string? Scope(YamlFields fields)
    {
        var scope = fields.Value("scope");
        if (scope is not null && !GuangdongCities.IsValidScope(scope))
        {
            fields.Error("scope", ProblemMessage.Of("policy.pack.scope", scope), fields.LineOf("scope"));
            return null;
        }

        return scope;
    }

    private static string? SourceFile(YamlFields fields, string key, bool required)
    {
        var source = fields.Value(key, required);
        if (source is not null && !SourcePattern().IsMatch(source))
        {
            fields.Error(key, ProblemMessage.Of("policy.pack.source-file", source), fields.LineOf(key));
            return null;
        }

        return source;
    }

    private static void CheckUnique(IEnumerable<string> documentIds, IReadOnlyList<string> files, List<DataFileError> errors)
    {
        foreach (var duplicate in documentIds.GroupBy(i => i).Where(g => g.Count() > 1))
        {
            errors.Add(new DataFileError(PackFile, 0, "documents", ProblemMessage.Of("policy.pack.document-id-twice", duplicate.Key, files)));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IndicatorPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+\.(txt|md|pdf|html)$")]
    private static partial Regex SourcePattern();
}
