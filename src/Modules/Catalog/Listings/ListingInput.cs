using Funeng.Catalog.Contracts;

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
        Attributes = (Attributes ?? new Dictionary<string, string>())
            .Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key.Trim(), a => a.Value.Trim()),
    };

    public static ListingInput From(ListingType type, ListingContent content) => new(
        type.Key(), content.TitleZh, content.TitleEn, content.SummaryZh, content.SummaryEn, content.CitySlug,
        content.Sectors, content.Keywords, content.Attributes);
}
