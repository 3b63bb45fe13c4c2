using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Listings;

/// <summary>
/// Live counts for the Index module, per city and for the province, each a level as at today: published industry
/// datasets, smart terminal products (all, and the care-and-rehabilitation and virtual-reality categories the pack
/// has targets for), large models (Guangzhou's "hundred models"), and showcase algorithm products — the algorithm
/// products the office has recommended in a published recommendation catalog edition. A filing imported from the
/// CAC lists is a listing, not a showcase product, so imports never move that count.
/// </summary>
internal sealed class CatalogIndicators(CatalogDb db, TimeProvider clock) : ILiveIndicatorSource
{
    public const string ShowcaseAlgorithmProducts = "algorithm_products";

    internal static readonly (ListingType Type, string Indicator, string Source)[] Counted =
    [
        (ListingType.Dataset, "industry_datasets", "catalog.source.datasets"),
        (ListingType.TerminalProduct, "smart_terminal_products", "catalog.source.terminals"),
        (ListingType.LargeModel, "ai_models", "catalog.source.models"),
    ];

    internal static readonly (string Category, string Indicator, string Source)[] TerminalCategories =
    [
        ("care_rehab", "care_rehab_new_products", "catalog.source.care-rehab"),
        ("vr_ar", "vr_terminals_and_applications", "catalog.source.vr"),
    ];

    public async Task<IReadOnlyList<LiveObservation>> ReadAsync(CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().Year;
        var types = Counted.Select(c => c.Type).ToList();
        var counts = await db.Listings.AsNoTracking()
            .Where(l => types.Contains(l.Type) && l.PublishedVersion != null && l.Status != ListingStatus.Withdrawn)
            .GroupBy(l => new { l.Type, l.PublishedCitySlug })
            .Select(g => new { g.Key.Type, g.Key.PublishedCitySlug, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var observations = new List<LiveObservation>();
        foreach (var (type, indicator, source) in Counted)
        {
            observations.AddRange(PerCity(indicator, year, source, counts.Where(c => c.Type == type).Select(c => (c.PublishedCitySlug, c.Count))));
        }

        // The terminal category is inside the published version's content (JSON), so it is read per listing.
        var terminals = await (
            from l in db.Listings.AsNoTracking()
            where l.Type == ListingType.TerminalProduct && l.PublishedVersion != null && l.Status != ListingStatus.Withdrawn
            join v in db.ListingVersions.AsNoTracking() on new { l.Id, Number = l.PublishedVersion!.Value } equals new { Id = v.ListingId, v.Number }
            select new { l.PublishedCitySlug, v.Content }).ToListAsync(cancellationToken);
        foreach (var (category, indicator, source) in TerminalCategories)
        {
            observations.AddRange(PerCity(indicator, year, source,
                terminals.Where(t => t.Content.Attribute("category") == category).GroupBy(t => t.PublishedCitySlug).Select(g => ((string?)g.Key, g.Count()))));
        }

        // Showcase algorithm products: each algorithm listing counted once, however many published editions recommend it.
        var recommended = await db.Listings.AsNoTracking()
            .Where(l => l.Type == ListingType.AlgorithmProduct && db.Editions.Any(e => e.PublishedOn != null && e.Entries.Any(x => x.ListingId == l.Id)))
            .GroupBy(l => l.PublishedCitySlug)
            .Select(g => new { City = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        observations.AddRange(PerCity(ShowcaseAlgorithmProducts, year, "catalog.source.showcase-algorithms",
            recommended.Select(r => (r.City, r.Count))));
        return observations;
    }

    /// <summary>The province's total (always, zero included) and one value per city that has any.</summary>
    private static IEnumerable<LiveObservation> PerCity(string indicator, int year, string source, IEnumerable<(string? City, int Count)> counts)
    {
        var list = counts.ToList();
        yield return new LiveObservation(indicator, GuangdongCities.ProvinceScope, year, list.Sum(c => c.Count), source);
        foreach (var city in list.Where(c => c.City is not null).GroupBy(c => c.City!))
        {
            yield return new LiveObservation(indicator, GuangdongCities.CityScopePrefix + city.Key, year, city.Sum(c => c.Count), source);
        }
    }
}
