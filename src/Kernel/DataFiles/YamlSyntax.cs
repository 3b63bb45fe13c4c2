using Funeng.Kernel.Web;
using YamlDotNet.Core;

namespace Funeng.Kernel.DataFiles;

/// <summary>
/// A YAML syntax error told entirely in the reader's language: where (line and column of the parser's mark) and
/// what went wrong, from our own <c>datafile.yaml.*</c> keys. YamlDotNet's English description never reaches a
/// reader; a problem not named here is "not valid YAML here" at its line and column.
/// </summary>
internal static class YamlSyntax
{
    // YamlDotNet (18.1) throws SyntaxErrorException (scanner) and SemanticErrorException (parser) for dozens of
    // problems, and a plain YamlException for a duplicate key, with nothing but the English message to tell them
    // apart. These are the mistakes people make in a hand-written file, each found by producing it
    // (YamlFieldsTests pins every one, so a reworded message on an upgrade fails there, not on a reader's screen).
    // The first fragment the message contains decides.
    private static readonly (string Fragment, string Key)[] ByMessage =
    [
        ("While scanning a quoted scalar, found unexpected end of stream", "datafile.yaml.unclosed-quote"),
        ("While scanning a multi-line double-quoted scalar, found wrong indentation", "datafile.yaml.unclosed-quote"),
        ("found invalid mapping", "datafile.yaml.mapping-not-allowed"),
        ("found invalid tab as indentation", "datafile.yaml.tab"),
        ("found a tab character", "datafile.yaml.tab"),
        ("While parsing a block mapping, did not find expected key", "datafile.yaml.expected-field"),
        ("While parsing a block collection, did not find expected '-' indicator", "datafile.yaml.expected-list-item"),
        ("Did not find expected <document end>", "datafile.yaml.indentation"),
        ("While parsing a flow sequence, did not find expected ',' or ']'", "datafile.yaml.unclosed-flow-sequence"),
        ("While parsing a flow mapping, did not find expected ',' or '}'", "datafile.yaml.unclosed-flow-mapping"),
        ("found unknown escape character", "datafile.yaml.unknown-escape"),
        ("found character that cannot start any token", "datafile.yaml.cannot-start"),
        ("Duplicate key", "datafile.yaml.duplicate-key"),
    ];

    /// <summary>The problem a parser exception describes, at its line and (1-based) column.</summary>
    public static (int Line, ProblemMessage Message) Describe(YamlException exception, string text)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(text);
        if (exception is AnchorNotFoundException)
        {
            // Raised after the whole document was read, with the document's first mark instead of the alias's.
            return (0, ProblemMessage.Of("datafile.syntax-in-file", ProblemMessage.Of("datafile.yaml.unknown-alias")));
        }

        var key = Key(exception.Message);
        var (line, column) = ((int)exception.Start.Line, (int)exception.Start.Column);
        if (key == "datafile.yaml.tab" && IndentedWithTab(text, line) is { } tab)
        {
            // The parser marks the mapping or the value before the tab (line 1 for a block's first tab); the file shows where it is.
            (line, column) = tab;
        }

        var what = key == "datafile.yaml.duplicate-key"
            ? ProblemMessage.Of(key, Source(text, exception.Start, exception.End).Trim('"', '\''))
            : ProblemMessage.Of(key ?? "datafile.yaml.invalid");
        return At(line, column, what);
    }

    /// <summary>
    /// YamlDotNet's scanner throws a bare <see cref="InvalidOperationException"/>, without a mark, when a line inside
    /// <c>[ ]</c> or <c>{ }</c> is indented no deeper than the field that opened it: in a hand-written file, a
    /// bracket that was never closed. The scanner's position says where it gave up.
    /// </summary>
    public static (int Line, ProblemMessage Message) DescribeUnclosedFlow(Mark scannerPosition) =>
        At((int)scannerPosition.Line, (int)scannerPosition.Column, ProblemMessage.Of("datafile.yaml.unclosed-flow"));

    private static (int Line, ProblemMessage Message) At(int line, int column, ProblemMessage what) =>
        (line, ProblemMessage.Of("datafile.syntax", line, column, what));

    /// <summary>The first tab in a line's indentation, from <paramref name="fromLine"/> on.</summary>
    private static (int Line, int Column)? IndentedWithTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(fromLine - 1, 0); i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string? Key(string message) =>
        ByMessage.FirstOrDefault(m => message.Contains(m.Fragment, StringComparison.Ordinal)).Key;

    /// <summary>The file's own text between two marks (the duplicate key as written), not the parser's words.</summary>
    private static string Source(string text, Mark start, Mark end)
    {
        var from = (int)Math.Clamp(start.Index, 0, text.Length);
        var to = (int)Math.Clamp(end.Index, from, text.Length);
        return text[from..to];
    }
}
