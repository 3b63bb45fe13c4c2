using Funeng.Catalog.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;

namespace Funeng.Catalog.Listings;

/// <summary>
/// The catalog's listing types as implementations of the measures whose targets they are counted toward: the same
/// type-to-indicator table <see cref="CatalogIndicators"/> counts with, so a type implements a measure exactly when it
/// feeds one of the measure's targets. Showcase algorithm products are the recommendation catalog's, not a type's.
/// </summary>
internal sealed class ListingTypeMeasures(UiText text) : IMeasureImplementations
{
    public Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default)
    {
        var items = CatalogIndicators.Counted.Select(c => new MeasureImplementation(
            ImplementationKind.CatalogListingType,
            text.All["catalog.type." + c.Type.Key()],
            $"/catalog?type={c.Type.Key()}",
            [],
            c.Type == ListingType.TerminalProduct ? [c.Indicator, .. CatalogIndicators.TerminalCategories.Select(t => t.Indicator)] : [c.Indicator])).ToList();
        items.Add(new MeasureImplementation(
            ImplementationKind.CatalogListingType, text.All["catalog.editions.title"], "/catalog/recommendations", [], [CatalogIndicators.ShowcaseAlgorithmProducts]));
        return Task.FromResult<IReadOnlyList<MeasureImplementation>>(items);
    }
}
