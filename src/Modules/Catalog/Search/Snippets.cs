using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Funeng.Catalog.Search;

/// <summary>
/// Highlighted passages. Lucene.Net's Highlighter package is not on the mirror, so this re-analyses the stored
/// text with the index analyzer, marks where a searched form occurs whole (its terms one after another: 养老服务 is
/// marked only as 养老服务, never its 服务 alone; overlapping marks merge) and cuts a window around the first mark.
/// The result is HTML: text encoded, matches in &lt;mark&gt;.
/// </summary>
internal static class Snippets
{
    public const int Length = 160;

    /// <summary>
    /// The passage of the first of <paramref name="texts"/> (in the reader's order of preference: the summary in their
    /// language, then the other) that holds a searched form, or of the first non-empty one when none does: a listing
    /// found through its English summary showed its Chinese summary, without the words it was found by.
    /// </summary>
    public static string Highlight(Analyzer analyzer, IReadOnlyList<string?> texts, IReadOnlyCollection<IReadOnlyList<string>> forms)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(forms);
        var present = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        if (present.Count == 0)
        {
            return "";
        }

        var found = present.Select(t => (Text: t, Marks: Marks(analyzer, t, forms))).FirstOrDefault(t => t.Marks.Count > 0);
        return Passage(found.Text ?? present[0], found.Marks ?? []);
    }

    private static string Passage(string text, List<(int Start, int End)> marks)
    {
        var start = marks.Count == 0 ? 0 : Math.Max(0, marks[0].Start - 30);
        // Never from the middle of an English word ("…red by") or at the space or comma after one: from the next word,
        // and never past the first mark.
        while (start > 0 && start < marks[0].Start && (char.IsAsciiLetterOrDigit(text[start - 1]) && char.IsAsciiLetterOrDigit(text[start]) || text[start] is ' ' or ',' or ';' or ':' or '.'))
        {
            start++;
        }

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

    private static List<(int Start, int End)> Marks(Analyzer analyzer, string text, IReadOnlyCollection<IReadOnlyList<string>> forms)
    {
        var marks = new List<(int Start, int End)>();
        var byFirst = forms.Where(f => f.Count > 0).ToLookup(f => f[0], StringComparer.Ordinal);
        if (byFirst.Count == 0)
        {
            return marks;
        }

        var tokens = new List<(string Term, int Start, int End)>();
        // Analysed as the index holds it (simplified characters, the same length), marked in the text as written.
        using (var stream = analyzer.GetTokenStream(IndexFields.All, IndexedText.Of(text)))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
            }

            stream.End();
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var end = byFirst[tokens[i].Term].Where(form => Occurs(tokens, i, form)).Select(form => tokens[i + form.Count - 1].End).DefaultIfEmpty(-1).Max();
            if (end < 0)
            {
                continue;
            }

            if (marks.Count > 0 && tokens[i].Start <= marks[^1].End)
            {
                marks[^1] = (marks[^1].Start, Math.Max(marks[^1].End, end));
            }
            else
            {
                marks.Add((tokens[i].Start, end));
            }
        }

        return marks;
    }

    private static bool Occurs(List<(string Term, int Start, int End)> tokens, int at, IReadOnlyList<string> form)
    {
        if (at + form.Count > tokens.Count)
        {
            return false;
        }

        for (var k = 1; k < form.Count; k++)
        {
            if (!string.Equals(tokens[at + k].Term, form[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
