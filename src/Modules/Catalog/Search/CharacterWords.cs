using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;

namespace Funeng.Catalog.Search;

/// <summary>
/// The catalog's words that hold a Chinese character, for a character typed on its own (茶, 税, 药): the bigram field
/// holds 茶叶 and 奶茶, never 茶 alone, so a search for one character found nothing, though the character was a word the
/// catalog uses every day. The words are the word field's (the segmenter's, so no bigram across two words such as 的茶),
/// in the most documents first. Each segment's are read from its terms once per character (37–76 ms for a segment of
/// 1 M listings, bench/results/catalog.md, stop 42) and kept with the segment, so a new snapshot reads only its new segments.
/// </summary>
internal static class CharacterWords
{
    /// <summary>How many of a segment's words holding a character are kept: more than a concept's forms, so that the segments' sums still pick the commonest.</summary>
    private const int KeptPerSegment = 64;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<char, KeyValuePair<string, int>[]>> BySegment = [];

    /// <summary>The words of two or more characters holding <paramref name="character"/>, in the most documents first.</summary>
    public static IReadOnlyList<string> Of(IndexReader reader, char character)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            foreach (var (word, count) in BySegment.GetValue(segment.CoreCacheKey, _ => new()).GetOrAdd(character, c => Read(segment, c)))
            {
                frequencies[word] = frequencies.GetValueOrDefault(word) + count;
            }
        }

        return [.. Commonest(frequencies).Select(f => f.Key)];
    }

    private static KeyValuePair<string, int>[] Read(AtomicReader segment, char character)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        if (segment.GetTerms(IndexFields.Words)?.GetEnumerator() is { } terms)
        {
            // UTF-8 is self-synchronising: the character's bytes inside a term's bytes are the character, never parts of two.
            var wanted = Encoding.UTF8.GetBytes(character.ToString());
            while (terms.MoveNext())
            {
                var term = terms.Term;
                var bytes = term.Bytes.AsSpan(term.Offset, term.Length);
                if (bytes.Length > wanted.Length && bytes.IndexOf(wanted) >= 0)
                {
                    frequencies[term.Utf8ToString()] = terms.DocFreq;
                }
            }
        }

        return [.. Commonest(frequencies).Take(KeptPerSegment)];
    }

    private static IEnumerable<KeyValuePair<string, int>> Commonest(Dictionary<string, int> frequencies) =>
        frequencies.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal);
}
