using System.Globalization;
using System.Reflection;
using System.Text;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>One concept of the domain glossary: Chinese and English names that mean the same thing, and where they come from.</summary>
internal sealed record GlossaryEntry(IReadOnlyList<string> Zh, IReadOnlyList<string> En, string Source)
{
    public IEnumerable<string> All => Zh.Concat(En);
}

/// <summary>A place in a query where a glossary entry's name occurs.</summary>
internal sealed record GlossaryMatch(int Start, int Length, string Surface, GlossaryEntry Entry);

/// <summary>
/// The zh↔en domain glossary (glossary.tsv, embedded): query translation and in-language synonyms. A query's
/// glossary names become one concept whose every name (both languages) may match, so "speech recognition" finds
/// 语音识别 and 质检 finds 质量检测. Applied at query time only: a change needs no re-indexing.
/// </summary>
internal sealed partial class DomainGlossary
{
    private readonly Dictionary<string, List<GlossaryEntry>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GlossaryEntry> _words;
    private readonly Dictionary<string, List<GlossaryEntry>> _byStems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Stem, GlossaryEntry Entry)>> _byPorterStem = new(StringComparer.Ordinal);
    private readonly GeneralDictionary? _general;
    private readonly int _longest;
    private readonly int _longestInWords;

    /// <param name="entries">The glossary's concepts.</param>
    /// <param name="general">The general dictionary for English words no entry names (<see cref="GeneralDictionary"/>); none in rules' tests.</param>
    public DomainGlossary(IEnumerable<GlossaryEntry> entries, GeneralDictionary? general = null)
    {
        _general = general;
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            foreach (var name in entry.All)
            {
                var key = Normalise(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!_byName.TryGetValue(key, out var list))
                {
                    _byName[key] = list = [];
                }

                list.Add(entry);
                _longest = Math.Max(_longest, key.Length);
            }

            foreach (var name in entry.En.Where(n => !n.Any(GlossaryRules.IsHan)))
            {
                var stems = StemsOfName(name);
                if (stems.Count == 0)
                {
                    continue;
                }

                var key = string.Join(' ', stems);
                if (!_byStems.TryGetValue(key, out var list))
                {
                    _byStems[key] = list = [];
                }

                if (!list.Contains(entry))
                {
                    list.Add(entry);
                }

                if (stems.Count == 1)
                {
                    // Porter over the Krovetz stem, as Kin derives a word's: over the name itself, embedding (embed) and
                    // chinese (china) came out otherwise, and their words found no kin.
                    var porter = EnglishStems.Words(stems[0], porter: true)[0];
                    if (!_byPorterStem.TryGetValue(porter, out var kin))
                    {
                        _byPorterStem[porter] = kin = [];
                    }

                    kin.Add((key, entry));
                }

                _longestInWords = Math.Max(_longestInWords, stems.Count);
            }
        }

        _words = WordTranslations.Derive(Entries, _byName);
    }

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>The glossary shipped with the platform.</summary>
    public static DomainGlossary Shipped { get; } = new(Parse(ReadResource()), GeneralDictionary.Shipped);

    /// <summary>An English name's words as the glossary files it: normalised, a hyphen a space, each stemmed (machine-translations → machine translation).</summary>
    public static List<string> StemsOfName(string name) => EnglishStems.Words(Normalise(name).Replace('-', ' '));

    /// <summary><paramref name="text"/> in simplified characters where it is typed in traditional ones (<see cref="GeneralDictionary.Simplified"/>); as it is without the general dictionary.</summary>
    public string Simplified(string text) => _general?.Simplified(text) ?? text;

    /// <summary>
    /// Every entry a name belongs to (a name may have more than one sense); for an English word that is no name but
    /// part of several, the Chinese their names share (<see cref="WordTranslations"/>); for English that is neither,
    /// the entries whose name it is once inflections are set aside (pharmacies, the name pharmacy: <see cref="EnglishStems"/>);
    /// for a word of none of these, the general dictionary's Chinese for it (<see cref="General"/>).
    /// </summary>
    public IReadOnlyList<GlossaryEntry> Lookup(string name)
    {
        var key = Normalise(name);
        return _byName.TryGetValue(key, out var list) ? list
            : _words.TryGetValue(key, out var word) ? [word]
            : key.Any(GlossaryRules.IsHan) ? []
            : EnglishStems.Words(key) is var stems && _byStems.TryGetValue(string.Join(' ', stems), out var stemmed) ? stemmed
            : Kin(stems) is { Count: > 0 } kin ? kin
            : General(key, stems) is { } general ? [general]
            : [];
    }

    /// <summary>
    /// An English word's translations from the general dictionary as a concept of its own (its stem and its Chinese:
    /// question and questions in one text are then one concept, as a glossary name's inflections are); null for a
    /// function word or a word the dictionary lacks.
    /// </summary>
    private GlossaryEntry? General(string key, List<string> stems) =>
        _general is null || stems.Count != 1 || FunctionWords.ContainsEnglish(key) || _general.Translations(key) is not { Count: > 0 } chinese
            ? null
            : new GlossaryEntry([.. chinese], [stems[0]], GeneralDictionary.Source);

    /// <summary>
    /// The entries of the one-word names that a word (its Krovetz stems: one) is kin to: the same Porter stem, and the
    /// shorter of the two Krovetz stems, of six letters or more, begins the longer (transcripts → transcription,
    /// publish → publishing, predicts → prediction). Krovetz keeps a verb and its noun apart; Porter alone joins words
    /// that mean different things (animal and animation, general and generation, new and news: decision 0018), which
    /// the prefix and the length keep out.
    /// </summary>
    private IReadOnlyList<GlossaryEntry> Kin(List<string> stems)
    {
        if (stems.Count != 1 || !_byPorterStem.TryGetValue(EnglishStems.Words(stems[0], porter: true)[0], out var kin))
        {
            return [];
        }

        var own = stems[0];
        return [.. kin.Where(k => Math.Min(own.Length, k.Stem.Length) >= 6
                && (k.Stem.StartsWith(own, StringComparison.Ordinal) || own.StartsWith(k.Stem, StringComparison.Ordinal)))
            .Select(k => k.Entry).Distinct()];
    }

    /// <summary>
    /// The names inside the name <paramref name="name"/>, each once: the broader names of what it says. In a Chinese
    /// name, the Chinese names among its parts (翻译 and 实时 of 实时翻译, where both are names); in an English one, its
    /// runs of whole words that are names (translation of real-time translation).
    /// </summary>
    public IReadOnlyList<string> NamesInside(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parts = new List<string>();
        if (name.Any(GlossaryRules.IsHan))
        {
            for (var start = 0; start < name.Length - 1; start++)
            {
                for (var end = start + 2; end <= name.Length; end++)
                {
                    var part = name[start..end];
                    if (part.Length < name.Length && part.All(GlossaryRules.IsHan) && !parts.Contains(part, StringComparer.Ordinal)
                        && Lookup(part).Any(e => e.Zh.Contains(part, StringComparer.Ordinal)))
                    {
                        parts.Add(part);
                    }
                }
            }

            return parts;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var start = 0; start < words.Length; start++)
        {
            for (var end = start + 1; end <= words.Length; end++)
            {
                var part = string.Join(' ', words[start..end]);
                if (end - start < words.Length && !parts.Contains(part, StringComparer.OrdinalIgnoreCase)
                    && _byName.ContainsKey(Normalise(part)))
                {
                    parts.Add(part);
                }
            }
        }

        return parts;
    }

    /// <summary>
    /// The glossary names in <paramref name="text"/>, longest first and not overlapping, in the text's order. English
    /// names match whole words only (case-insensitive), and then, where no name matched as written, by their words'
    /// stems (machine translations); Chinese names match anywhere.
    /// </summary>
    public IReadOnlyList<GlossaryMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = FindAsWritten(text);
        found.AddRange(FindByStems(text, found));
        return [.. found.OrderBy(m => m.Start)];
    }

    /// <summary>
    /// The general dictionary's expressions of two or more words among the English words of <paramref name="text"/>
    /// outside <paramref name="taken"/> (the glossary's names, which win), the longest run first: "real time" is 实时 and
    /// "vital signs" 生命体征, where each word alone translates to something else (<see cref="GeneralDictionary.PhraseTranslations"/>).
    /// </summary>
    public IReadOnlyList<GlossaryMatch> FindGeneralPhrases(string text, IReadOnlyList<GlossaryMatch> taken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(taken);
        var general = _general;
        return general is null
            ? []
            : FindRuns(text, taken, GeneralDictionary.LongestPhrase, 2,
                stems => general.PhraseTranslations(stems) is { Count: > 0 } chinese ? new GlossaryEntry([.. chinese], [stems], GeneralDictionary.Source) : null);
    }

    /// <summary>Runs of English words outside <paramref name="taken"/> whose stems are a name's, the longest run first.</summary>
    private List<GlossaryMatch> FindByStems(string text, List<GlossaryMatch> taken) =>
        FindRuns(text, taken, _longestInWords, 1, stems => _byStems.TryGetValue(stems, out var entries) ? entries[0] : null);

    /// <summary>
    /// Runs of <paramref name="shortest"/> to <paramref name="longest"/> adjacent English words outside <paramref name="taken"/>
    /// whose stems, joined by a space, <paramref name="entryOf"/> knows, the longest run at each word first.
    /// </summary>
    private static List<GlossaryMatch> FindRuns(string text, IReadOnlyList<GlossaryMatch> taken, int longest, int shortest, Func<string, GlossaryEntry?> entryOf)
    {
        var words = EnglishWord().Matches(text).Where(w => !taken.Any(m => w.Index < m.Start + m.Length && w.Index + w.Length > m.Start)).ToList();
        if (words.Count < shortest)
        {
            return [];
        }

        // One stemming pass over the words joined by spaces: each word is one token in and one stem out (a word
        // longer than the tokenizer's 255 characters is cut in two, so then word by word).
        var stems = EnglishStems.Words(string.Join(' ', words.Select(w => w.Value)));
        if (stems.Count != words.Count)
        {
            stems = [.. words.Select(w => EnglishStems.Of(w.Value))];
        }

        var found = new List<GlossaryMatch>();
        var i = 0;
        while (i < words.Count)
        {
            GlossaryEntry? entry = null;
            var length = Math.Min(longest, words.Count - i);
            // Only adjacent words (one space or hyphen apart) make a run: a name does not span a comma.
            while (length >= shortest && !(Adjacent(text, words, i, length) && (entry = entryOf(string.Join(' ', stems.Skip(i).Take(length)))) is not null))
            {
                length--;
            }

            if (entry is null)
            {
                i++;
                continue;
            }

            var start = words[i].Index;
            var end = words[i + length - 1].Index + words[i + length - 1].Length;
            found.Add(new GlossaryMatch(start, end - start, text[start..end], entry));
            i += length;
        }

        return found;
    }

    private static bool Adjacent(string text, List<System.Text.RegularExpressions.Match> words, int first, int count) =>
        Enumerable.Range(first, count - 1).All(k => text[(words[k].Index + words[k].Length)..words[k + 1].Index] is " " or "-");

    [System.Text.RegularExpressions.GeneratedRegex("[A-Za-z][A-Za-z0-9']*")]
    private static partial System.Text.RegularExpressions.Regex EnglishWord();

    private List<GlossaryMatch> FindAsWritten(string text)
    {
        var lower = Normalise(text);
        var found = new List<GlossaryMatch>();
        var start = 0;
        while (start < lower.Length)
        {
            var matched = false;
            for (var length = Math.Min(_longest, lower.Length - start); length >= 2 && !matched; length--)
            {
                var candidate = lower.Substring(start, length);
                if (!_byName.TryGetValue(candidate, out var entries) || !WholeWords(lower, start, length))
                {
                    continue;
                }

                found.Add(new GlossaryMatch(start, length, text.Substring(start, length), entries[0]));
                start += length;
                matched = true;
            }

            if (!matched)
            {
                start++;
            }
        }

        return found;
    }

    /// <summary>Reads glossary.tsv lines: Chinese names, English names (each <c>|</c>-separated) and the source, tab-separated; <c>#</c> starts a comment.</summary>
    public static List<GlossaryEntry> Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var entries = new List<GlossaryEntry>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3)
            {
                throw new FormatException($"A glossary line has Chinese names, English names and a source separated by tabs: {line}");
            }

            entries.Add(new GlossaryEntry(Names(parts[0]), Names(parts[1]), parts[2].Trim()));
        }

        return entries;
    }

    public static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);

    private static string[] Names(string field) => [.. field.Split('|').Select(n => n.Trim()).Where(n => n.Length > 0)];

    private static bool WholeWords(string text, int start, int length)
    {
        var first = text[start];
        var last = text[start + length - 1];
        var before = start == 0 || !IsLatinWordChar(text[start - 1]) || !IsLatinWordChar(first);
        var after = start + length == text.Length || !IsLatinWordChar(text[start + length]) || !IsLatinWordChar(last);
        return before && after;
    }

    private static bool IsLatinWordChar(char c) => c < 0x2E80 && char.IsLetterOrDigit(c);

    private static string ReadResource()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("glossary.tsv", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
