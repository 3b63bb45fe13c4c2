using System.Text;
using System.Text.RegularExpressions;
using Funeng.Catalog.Search.Glossary;

namespace Funeng.Catalog.Search.Suggestions;

/// <summary>
/// "Did you mean": a query's misspelt words replaced by the nearest glossary names. English words within one or two
/// edits of a glossary word ("speach" → speech); Chinese runs of four or more characters one character away from a
/// glossary name ("语音识列" → 语音识别, the usual slip of a pinyin keyboard). Pure: the page offers the result only
/// when it finds more than the query did.
/// </summary>
internal static partial class Spelling
{
    private const int ShortestLatinWord = 4;
    private const int ShortestHanName = 4;

    /// <summary>The corrected query, or null when no word needs (or has) a correction.</summary>
    public static string? Correct(string query, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(names);
        var normalised = names.Select(n => DomainGlossary.Normalise(n.Trim())).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var words = normalised.Where(n => !n.Any(GlossaryRules.IsHan)).SelectMany(n => Words().Matches(n).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var hanNames = normalised.Where(n => n.Length >= ShortestHanName && n.All(GlossaryRules.IsHan)).ToList();
        var corrected = new StringBuilder();
        var changed = false;
        foreach (Match part in Parts().Matches(DomainGlossary.Normalise(query)))
        {
            var value = part.Value;
            var better = GlossaryRules.IsHan(value[0]) ? CorrectHan(value, normalised, hanNames)
                : char.IsAsciiLetter(value[0]) ? CorrectWord(value, words)
                : value;
            changed |= better != value;
            corrected.Append(better);
        }

        return changed ? corrected.ToString() : null;
    }

    private static string CorrectWord(string word, HashSet<string> words)
    {
        if (word.Length < ShortestLatinWord || words.Contains(word))
        {
            return word;
        }

        var allowed = word.Length <= 6 ? 1 : 2;
        return words.Where(w => Math.Abs(w.Length - word.Length) <= allowed)
            .Select(w => (Word: w, Distance: Distance(word, w)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenBy(c => Math.Abs(c.Word.Length - word.Length)).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word).FirstOrDefault() ?? word;
    }

    /// <summary>Replaces, left to right, each stretch that is no glossary name but one character away from one; stretches holding a known name stay.</summary>
    private static string CorrectHan(string run, HashSet<string> known, List<string> hanNames)
    {
        if (run.Length < ShortestHanName || known.Any(k => k.Length >= 2 && run.Contains(k, StringComparison.Ordinal)))
        {
            return run;
        }

        var result = new StringBuilder();
        var i = 0;
        while (i < run.Length)
        {
            var replacement = hanNames
                .Where(n => i + n.Length <= run.Length && Substitutions(run.AsSpan(i, n.Length), n) == 1)
                .OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();
            if (replacement is null)
            {
                result.Append(run[i]);
                i++;
            }
            else
            {
                result.Append(replacement);
                i += replacement.Length;
            }
        }

        return result.ToString();
    }

    private static int Substitutions(ReadOnlySpan<char> text, string name)
    {
        var differences = 0;
        for (var i = 0; i < name.Length; i++)
        {
            differences += text[i] == name[i] ? 0 : 1;
        }

        return differences;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex Words();

    /// <summary>Runs of Chinese characters, runs of Latin letters, and everything between them (kept as typed).</summary>
    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z]+|[^A-Za-z\u3400-\u9fff\uf900-\ufaff]+")]
    private static partial Regex Parts();
}
