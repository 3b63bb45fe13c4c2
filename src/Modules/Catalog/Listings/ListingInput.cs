using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Listings;

/// <summary>What a client sends to create or edit a listing (the type is fixed at creation).</summary>
internal sealed record ListingInput(
    string? Type,
    string? TitleZh,
    string? TitleEn,
    string? SummaryZh,
    string? SummaryEn,
    string? CitySlug,
    IReadOnlyList<string>? Sectors,
    IReadOnlyList<string>? Keywords,
    IReadOnlyDictionary<string, string>? Attributes)
{
    public ListingContent ToContent() => new()
    {
        TitleZh = TitleZh?.Trim() ?? "",
        TitleEn = TitleEn?.Trim() ?? "",
        SummaryZh = SummaryZh?.Trim() ?? "",
        SummaryEn = SummaryEn?.Trim() ?? "",
        CitySlug = string.IsNullOrWhiteSpace(CitySlug) ? null : CitySlug.Trim(),
        Sectors = (Sectors ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList(),
        Keywords = (Keywords ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList(),
        Attributes = TrimmedAttributes(Attributes),
    };

    /// <summary>Keys and values trimmed; two keys that are the same once trimmed ("licence" and "licence ") are refused, naming the key.</summary>
    private static Dictionary<string, string> TrimmedAttributes(IReadOnlyDictionary<string, string>? attributes)
    {
        var trimmed = (attributes ?? new Dictionary<string, string>()).Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToList();
        var twice = trimmed.GroupBy(a => a.Key.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        InvalidInputException.ThrowIfAny(twice.ToDictionary(k => $"attributes.{k}", k => new[] { $"The key '{k}' is given more than once (keys are compared without surrounding spaces)." }));
        return trimmed.ToDictionary(a => a.Key.Trim(), a => a.Value.Trim(), StringComparer.Ordinal);
    }

    public static ListingInput From(ListingType type, ListingContent content) => new(
        type.Key(), content.TitleZh, content.TitleEn, content.SummaryZh, content.SummaryEn, content.CitySlug,
        content.Sectors, content.Keywords, content.Attributes);
}
