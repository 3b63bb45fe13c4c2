using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;

namespace Funeng.Catalog.Search;

/// <summary>
/// The catalog's words that hold a Chinese character, for a character typed on its own (茶, 税, 猪): the bigram field
/// holds 茶叶 and 奶茶, never 茶 alone, so a search for one character found nothing, though the character was a word the
/// catalog uses every day. The words are the word field's (the segmenter's, so no bigram across two words such as 的茶),
/// most frequent first; read from the index's terms once per snapshot and character.
/// </summary>
internal static class CharacterWords
{
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<char, string[]>> BySnapshot = [];

    /// <summary>The words of two or more characters holding <paramref name="character"/>, in the most documents first.</summary>
    public static IReadOnlyList<string> Of(IndexReader reader, char character)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return BySnapshot.GetValue(reader, _ => new()).GetOrAdd(character, c => Read(reader, c));
    }

    private static string[] Read(IndexReader reader, char character)
    {
        // UTF-8 is self-synchronising: the character's bytes inside a term's bytes are the character, never parts of two.
        var wanted = Encoding.UTF8.GetBytes(character.ToString());
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(IndexFields.Words)?.GetEnumerator() is not { } terms)
            {
                continue;
            }

            while (terms.MoveNext())
            {
                var term = terms.Term;
                var bytes = term.Bytes.AsSpan(term.Offset, term.Length);
                if (bytes.Length > wanted.Length && bytes.IndexOf(wanted) >= 0)
                {
                    var word = term.Utf8ToString();
                    frequencies[word] = frequencies.GetValueOrDefault(word) + terms.DocFreq;
                }
            }
        }

        return [.. frequencies.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key)];
    }
}
