using System.Text.RegularExpressions;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>
/// A word spelt the British way written the American way, for the general dictionary, whose meanings are American
/// (center, organize, catalog, analyze): a need written in Hong Kong or British English ("our call centre", "recognise
/// handwriting") found no translation for those words. Rules of the spelling systems, not a list of this platform's
/// words; a lookup tries them only when the word as written has no translation, so a word a rule would spoil (hour,
/// genre, promise) keeps its own.
/// </summary>
internal static partial class BritishSpellings
{
    /// <summary>Spellings no rule reaches.</summary>
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["programme"] = "program", ["grey"] = "gray", ["tyre"] = "tire", ["kerb"] = "curb", ["mould"] = "mold",
        ["plough"] = "plow", ["storey"] = "story", ["sceptic"] = "skeptic", ["judgement"] = "judgment",
        ["ageing"] = "aging", ["enrol"] = "enroll", ["fulfil"] = "fulfill", ["aluminium"] = "aluminum",
        ["licence"] = "license", ["defence"] = "defense", ["offence"] = "offense", ["pretence"] = "pretense",
        ["cheque"] = "check", ["jewellery"] = "jewelry", ["pyjamas"] = "pajamas", ["draught"] = "draft",
    };

    /// <summary>
    /// The American spellings <paramref name="word"/> (lower case) may be, most likely first; none when no rule
    /// applies. centre → center, colour → color, organisation → organization, analyse → analyze, catalogue → catalog,
    /// paediatric → pediatric.
    /// </summary>
    public static IEnumerable<string> AmericanForms(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Irregular.TryGetValue(word, out var irregular))
        {
            yield return irregular;
        }

        foreach (var (pattern, replacement) in Rules)
        {
            if (pattern.IsMatch(word))
            {
                yield return pattern.Replace(word, replacement, 1);
            }
        }
    }

    private static readonly (Regex Pattern, string Replacement)[] Rules =
    [
        (ReEnding(), "er$1"),
        (OurEnding(), "or$1"),
        (IseEnding(), "iz$1"),
        (YseEnding(), "yz$1"),
        (OgueEnding(), "og$1"),
        (AeStart(), "$1e"),
    ];

    // centre, fibre, theatre, litre (and their plurals): acre, genre and ogre keep theirs.
    [GeneratedRegex("(?<=[bt])re(s?)$")]
    private static partial Regex ReEnding();

    // colour, behaviour, labour, favourite: two letters or more before it, so hour, four and tour are left alone.
    [GeneratedRegex("(?<=[a-z]{2})our(s|ite|ites|ed|ing|able)?$")]
    private static partial Regex OurEnding();

    // organise, recognised, organisation, optimising.
    [GeneratedRegex("(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$")]
    private static partial Regex IseEnding();

    // analyse, paralysed.
    [GeneratedRegex("ys(e|es|ed|ing)$")]
    private static partial Regex YseEnding();

    // catalogue, dialogue, analogue.
    [GeneratedRegex("ogue(s?)$")]
    private static partial Regex OgueEnding();

    // paediatric, haematology, anaemia, gynaecology, orthopaedic.
    [GeneratedRegex("^(orthop|p|h|an|gyn|leuk)ae")]
    private static partial Regex AeStart();
}
