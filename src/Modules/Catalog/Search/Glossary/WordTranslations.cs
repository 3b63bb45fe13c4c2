using Lucene.Net.Analysis.En;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>
/// Chinese for an English word that is no glossary name of its own but part of several: the Chinese text those
/// entries' names share. "face" is in face recognition (人脸识别), face detection (人脸检测) and face matching
/// (人脸比对), so "face swap" searches 人脸 instead of nothing: on the time split's test batches it was the one
/// English query with no result, because neither of its words had an entry (bench/results/timesplit.md). The glossary
/// rule that added such head words by hand (glossary.tsv, "Single words") missed about sixty; this applies it to every
/// word, office entries included, whenever the glossary is built.
/// </summary>
internal static class WordTranslations
{
    /// <summary>A word needs at least this many entries naming it; one entry says what the compound means, not the word.</summary>
    private const int MinEntries = 2;

    public static Dictionary<string, GlossaryEntry> Derive(IReadOnlyList<GlossaryEntry> entries, IReadOnlyDictionary<string, List<GlossaryEntry>> byName)
    {
        var byWord = new Dictionary<string, List<GlossaryEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var word in Words(entry).Where(w => w.Length >= 2 && !byName.ContainsKey(w) && !EnglishAnalyzer.DefaultStopSet.Contains(w)))
            {
                if (!byWord.TryGetValue(word, out var list))
                {
                    byWord[word] = list = [];
                }

                list.Add(entry);
            }
        }

        var derived = new Dictionary<string, GlossaryEntry>(StringComparer.Ordinal);
        foreach (var (word, holders) in byWord.Where(w => w.Value.Count >= MinEntries))
        {
            if (Shared(holders) is not { } chinese)
            {
                continue;
            }

            if (!byName.TryGetValue(chinese, out var named))
            {
                derived[word] = new GlossaryEntry([chinese], [word], "derived: the Chinese the names holding this word share");
            }
            else if (named.FirstOrDefault(e => Words(e).Contains(word)) is { } entry)
            {
                // 政务 is itself a name, of "government services": government means that concept.
                derived[word] = entry;
            }
        }

        return derived;
    }

    /// <summary>
    /// The Chinese text (two characters or more) in the names of most entries, more than half of them; the longest of
    /// equals. Null when none is. When that text is a glossary name itself, the word means that name's concept if its
    /// English names hold the word (government → 政务, "government services"), else another concept (facial → 识别
    /// is "recognition"), which the caller refuses.
    /// </summary>
    private static string? Shared(List<GlossaryEntry> holders)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in holders)
        {
            foreach (var part in entry.Zh.SelectMany(HanParts).Distinct(StringComparer.Ordinal))
            {
                counts[part] = counts.GetValueOrDefault(part) + 1;
            }
        }

        var best = counts.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
        return best.Key is not null && best.Value >= MinEntries && best.Value * 2 > holders.Count ? best.Key : null;
    }

    private static HashSet<string> Words(GlossaryEntry entry) =>
        entry.En.SelectMany(n => DomainGlossary.Normalise(n).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every run of two or more Chinese characters inside <paramref name="name"/>.</summary>
    private static IEnumerable<string> HanParts(string name)
    {
        for (var start = 0; start < name.Length; start++)
        {
            for (var end = start + 2; end <= name.Length && GlossaryRules.IsHan(name[start]) && GlossaryRules.IsHan(name[end - 1]); end++)
            {
                yield return name[start..end];
            }
        }
    }

}
