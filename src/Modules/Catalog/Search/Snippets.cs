using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Funeng.Catalog.Search;

/// <summary>
/// Highlighted passages. Lucene.Net's Highlighter package is not on the mirror, so this re-analyses the stored
/// text with the index analyzer, marks the tokens that are query terms (overlapping bigrams merge into one
/// mark) and cuts a window around the first mark. The result is HTML: text encoded, matches in &lt;mark&gt;.
/// </summary>
internal static class Snippets
{
    public const int Length = 160;

    public static string Highlight(Analyzer analyzer, string text, IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var marks = Marks(analyzer, text, terms);
        var start = marks.Count == 0 ? 0 : Math.Max(0, marks[0].Start - 30);
        var end = Math.Min(text.Length, start + Length);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var position = start;
        foreach (var (markStart, markEnd) in marks.Where(m => m.End > start && m.Start < end))
        {
            var from = Math.Max(markStart, start);
            var to = Math.Min(markEnd, end);
            html.Append(WebUtility.HtmlEncode(text[position..from])).Append("<mark>").Append(WebUtility.HtmlEncode(text[from..to])).Append("</mark>");
            position = to;
        }

        html.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    private static List<(int Start, int End)> Marks(Analyzer analyzer, string text, IReadOnlySet<string> terms)
    {
        var marks = new List<(int Start, int End)>();
        if (terms.Count == 0)
        {
            return marks;
        }

        using var stream = analyzer.GetTokenStream(IndexFields.All, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (!terms.Contains(term.ToString()))
            {
                continue;
            }

            if (marks.Count > 0 && offset.StartOffset <= marks[^1].End)
            {
                marks[^1] = (marks[^1].Start, Math.Max(marks[^1].End, offset.EndOffset));
            }
            else
            {
                marks.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return marks;
    }
}
