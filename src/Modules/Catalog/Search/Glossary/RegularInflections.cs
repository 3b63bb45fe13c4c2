namespace Funeng.Catalog.Search.Glossary;

/// <summary>
/// The base forms a past tense or present participle of a regular English verb may come from, for the general
/// dictionary: Krovetz stems by its own lexicon and leaves a form it lists as an adjective as written (organized,
/// checked, spotted), which no dictionary meaning is, so a need whose meters "are checked by hand" found no 校验. Like
/// <see cref="BritishSpellings"/>, tried only when the word as written has no translation.
/// </summary>
internal static class RegularInflections
{
    /// <summary>
    /// Candidate base forms of <paramref name="word"/> (lower case), most likely first: carried → carry;
    /// organized → organize, checked → check, spotted → spot, labelled → label; organizing → organize, spotting → spot. None for
    /// other endings, or for words too short to have a base form left (bed, red, ring).
    /// </summary>
    public static IEnumerable<string> BaseForms(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 4 && word.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return word[..^1];
            yield return word[..^2];
            if (EndsInDoubledConsonant(word[..^2]))
            {
                yield return word[..^3];
            }
        }
        else if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return word[..^3];
            yield return word[..^3] + "e";
            if (EndsInDoubledConsonant(word[..^3]))
            {
                yield return word[..^4];
            }
        }
    }

    // spott(ed), plann(ing), labell(ed): a doubled last consonant. A base form that ends in one itself (call, miss) is
    // tried before it loses a letter, and a lookup takes the first form with a translation.
    private static bool EndsInDoubledConsonant(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && !"aeiou".Contains(stem[^1], StringComparison.Ordinal);
}
