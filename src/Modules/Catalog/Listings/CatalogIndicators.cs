using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Listings;

/// <summary>
/// Live counts of published listings for the Index module, per city and for the province: industry datasets,
/// algorithm products and smart terminal products (the policy pack's targets 50, 100 and 100 by 2027).
/// </summary>
internal sealed class CatalogIndicators(CatalogDb db, TimeProvider clock) : ILiveIndicatorSource
{
    private static readonly (ListingType Type, string Indicator, string Source)[] Counted =
    [
        (ListingType.Dataset, "industry_datasets", "Catalog: published industry dataset listings"),
        (ListingType.AlgorithmProduct, "algorithm_products", "Catalog: published algorithm product listings"),
        (ListingType.TerminalProduct, "smart_terminal_products", "Catalog: published smart terminal product listings"),
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
            var ofType = counts.Where(c => c.Type == type).ToList();
            observations.Add(new LiveObservation(indicator, GuangdongCities.ProvinceScope, year, ofType.Sum(c => c.Count), source));
            observations.AddRange(ofType.Where(c => c.PublishedCitySlug is not null)
                .GroupBy(c => c.PublishedCitySlug!)
                .Select(g => new LiveObservation(indicator, GuangdongCities.CityScopePrefix + g.Key, year, g.Sum(c => c.Count), source)));
        }

        return observations;
    }
}
