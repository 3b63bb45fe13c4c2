using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Funeng.Kernel.DataFiles;

/// <summary>
/// Strict reading of one YAML mapping: typed getters that record an error with file, line and field path instead
/// of throwing, and a check that refuses fields the format does not know. Data files are read with this rather
/// than a deserializer so that every error can name its line.
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode _node;
    private readonly List<DataFileError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlFields(string file, string path, YamlMappingNode node, List<DataFileError> errors)
    {
        File = file;
        Path = path;
        _node = node;
        _errors = errors;
    }

    public string File { get; }

    /// <summary>The path of this mapping, e.g. <c>targets[2]</c>; empty at the root.</summary>
    public string Path { get; }

    public int Line => (int)_node.Start.Line;

    /// <summary>Parses a file's text; returns null (with the error recorded) if it is not a YAML mapping.</summary>
    public static YamlFields? Parse(string file, string text, List<DataFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        // The scanner is ours so that its position is at hand when it fails without saying where.
        var scanner = new Scanner(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(new Parser(scanner));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                errors.Add(new DataFileError(file, 1, "(file)", ProblemMessage.Of("datafile.not-a-mapping-at-top")));
                return null;
            }

            return new YamlFields(file, "", root, errors);
        }
        catch (YamlException e)
        {
            var (line, message) = YamlSyntax.Describe(e, text);
            errors.Add(new DataFileError(file, line, "(syntax)", message));
            return null;
        }
        catch (InvalidOperationException)
        {
            var (line, message) = YamlSyntax.DescribeUnclosedFlow(scanner.CurrentPosition);
            errors.Add(new DataFileError(file, line, "(syntax)", message));
            return null;
        }
    }

    /// <summary>Records a problem with <paramref name="field"/> of this mapping, on its line or on <paramref name="line"/>.</summary>
    public void Error(string field, ProblemMessage message, int? line = null) =>
        _errors.Add(new DataFileError(File, line ?? Line, FieldPath(field), message));

    public bool Has(string key) => Find(key) is not null;

    public string? Value(string key, bool required = true)
    {
        var node = Scalar(key, required);
        var value = node?.Value?.Trim();
        if (node is not null && string.IsNullOrEmpty(value) && required)
        {
            Error(key, ProblemMessage.Of("datafile.empty"), (int)node.Start.Line);
            return null;
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string? OneOf(string key, IReadOnlyCollection<string> allowed, bool required = true)
    {
        var value = Value(key, required);
        if (value is not null && !allowed.Contains(value))
        {
            Error(key, ProblemMessage.Of("datafile.not-one-of", value, allowed.ToList()), LineOf(key));
            return null;
        }

        return value;
    }

    public int? WholeNumber(string key, bool required = true, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Parsed(key, required, t => ProblemMessage.Of("datafile.not-whole-number", t), (string t, out int v) =>
            int.TryParse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out v));
        if (value is { } number && (number < min || number > max))
        {
            Error(key, ProblemMessage.Of("datafile.out-of-range", number, min, max), LineOf(key));
            return null;
        }

        return value;
    }

    /// <summary>A decimal number; underscores may group digits (<c>300_000_000_000</c>).</summary>
    public decimal? Number(string key, bool required = true) =>
        Parsed(key, required, t => ProblemMessage.Of("datafile.not-number", t), (string t, out decimal v) =>
            decimal.TryParse(t.Replace("_", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out v));

    public DateOnly? Date(string key, bool required = true) =>
        Parsed(key, required, t => ProblemMessage.Of("datafile.not-date", t), (string t, out DateOnly v) =>
            DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out v));

    public bool? Flag(string key, bool required = true) =>
        Parsed(key, required, t => ProblemMessage.Of("datafile.not-flag", t), (string t, out bool v) =>
        {
            v = t == "true";
            return t is "true" or "false";
        });

    /// <summary>A nested mapping with <c>zh</c> and <c>en</c>, both required.</summary>
    public LocalizedText? Text(string key, bool required = true)
    {
        var fields = Mapping(key, required);
        if (fields is null)
        {
            return null;
        }

        var zh = fields.Value("zh");
        var en = fields.Value("en");
        fields.RejectUnknown();
        return zh is null || en is null ? null : new LocalizedText(zh, en);
    }

    public YamlFields? Mapping(string key, bool required = true)
    {
        var node = Find(key);
        if (node is null)
        {
            Missing(key, required);
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Error(key, ProblemMessage.Of("datafile.not-a-mapping"), (int)node.Start.Line);
            return null;
        }

        return new YamlFields(File, FieldPath(key), mapping, _errors);
    }

    /// <summary>A sequence of mappings (e.g. the targets of a document).</summary>
    public IReadOnlyList<YamlFields> List(string key, bool required = true)
    {
        var node = Find(key);
        if (node is null)
        {
            Missing(key, required);
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(key, ProblemMessage.Of("datafile.not-a-list"), (int)node.Start.Line);
            return [];
        }

        var items = new List<YamlFields>();
        var index = 0;
        foreach (var child in sequence.Children)
        {
            var path = $"{FieldPath(key)}[{index++}]";
            if (child is YamlMappingNode mapping)
            {
                items.Add(new YamlFields(File, path, mapping, _errors));
            }
            else
            {
                _errors.Add(new DataFileError(File, (int)child.Start.Line, path, ProblemMessage.Of("datafile.not-a-mapping")));
            }
        }

        return items;
    }

    /// <summary>A sequence of plain strings.</summary>
    public IReadOnlyList<string> Strings(string key, bool required = true)
    {
        var node = Find(key);
        if (node is null)
        {
            Missing(key, required);
            return [];
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode))
        {
            Error(key, ProblemMessage.Of("datafile.not-plain-values"), (int)node.Start.Line);
            return [];
        }

        return sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
    }

    /// <summary>Records an error for every field that no getter asked for: a misspelt field must not pass silently.</summary>
    public void RejectUnknown()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "?";
            if (!_read.Contains(key))
            {
                _errors.Add(new DataFileError(File, (int)keyNode.Start.Line, FieldPath(key), ProblemMessage.Of("datafile.unknown-field")));
            }
        }
    }

    /// <summary>The line of a field, or of this mapping when the field is absent.</summary>
    public int LineOf(string key) => Find(key) is { } node ? (int)node.Start.Line : Line;

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>A scalar parsed as <typeparamref name="T"/>, or null with an error saying what was expected.</summary>
    private T? Parsed<T>(string key, bool required, Func<string, ProblemMessage> refusal, TryParse<T> tryParse)
        where T : struct
    {
        var text = Value(key, required);
        if (text is null)
        {
            return null;
        }

        if (!tryParse(text, out var value))
        {
            Error(key, refusal(text), LineOf(key));
            return null;
        }

        return value;
    }

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        foreach (var (keyNode, valueNode) in _node.Children)
        {
            if (keyNode is YamlScalarNode scalar && scalar.Value == key)
            {
                return valueNode;
            }
        }

        return null;
    }

    private YamlScalarNode? Scalar(string key, bool required)
    {
        var node = Find(key);
        if (node is null)
        {
            Missing(key, required);
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            Error(key, ProblemMessage.Of("datafile.not-a-single-value"), (int)node.Start.Line);
            return null;
        }

        return scalar;
    }

    private void Missing(string key, bool required)
    {
        if (required)
        {
            Error(key, ProblemMessage.Of("datafile.required"));
        }
    }

    private string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
