using Funeng.Kernel.Localization;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>
/// An entry's source in the reader's words. The shipped file writes its sources in shorthand (<c>own</c>, <c>own: names</c>,
/// <c>platform:&lt;file&gt;</c>, parts joined by "; "), which is no text for a page; an office entry's source is what staff
/// wrote and is shown as written.
/// </summary>
internal static class GlossarySourceText
{
    private const string Own = "own";
    private const string Platform = "platform:";

    /// <summary>The platform's vocabularies a shipped entry restates, by the file the glossary names, with their string keys.</summary>
    private static readonly Dictionary<string, string> Vocabularies = new(StringComparer.Ordinal)
    {
        ["Kernel/Taxonomy/Sectors.cs"] = "catalog.glossary.source.vocabulary.sectors",
        ["Kernel/Taxonomy/QualificationKinds.cs"] = "catalog.glossary.source.vocabulary.qualifications",
        ["Catalog/Contracts/ListingType.cs"] = "catalog.glossary.source.vocabulary.listing-types",
        ["Kernel/Geography (GuangdongCities)"] = "catalog.glossary.source.vocabulary.cities",
    };

    public static string Of(string source, UiText text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        var parts = source.Split("; ").Select(part => part.Trim()).ToList();
        // What staff wrote (no part in the file's shorthand) stays exactly as written, its own separators too.
        return parts.Any(Shorthand) ? string.Join(text["catalog.glossary.source.join"], parts.Select(part => Part(part, text))) : source;
    }

    private static bool Shorthand(string part) =>
        part == Own || part.StartsWith(Own + ":", StringComparison.Ordinal) || part.StartsWith(Platform, StringComparison.Ordinal);

    private static string Part(string part, UiText text) => part switch
    {
        Own => text["catalog.glossary.source.own"],
        _ when part.StartsWith(Own + ":", StringComparison.Ordinal) => text.Format("catalog.glossary.source.own-names", part[(Own.Length + 1)..].Trim()),
        _ when part.StartsWith(Platform, StringComparison.Ordinal) => text.Format("catalog.glossary.source.platform",
            Vocabularies.TryGetValue(part[Platform.Length..], out var key) ? text[key] : part[Platform.Length..]),
        _ => part,
    };
}
