using Funeng.Catalog.Contracts;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Taxonomy;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>Display names of facet values and types, in the UI language.</summary>
internal static class CatalogLabels
{
    public static string Facet(UiText text, string facet, string value) => facet switch
    {
        CatalogFacets.Type => text[$"catalog.type.{value}"],
        CatalogFacets.Sector => Sectors.Name(value).ToString(),
        CatalogFacets.City => GuangdongCities.NameOf(value).ToString(),
        CatalogFacets.Qualification => QualificationKinds.Name(value).ToString(),
        CatalogFacets.AccessLevel => text[$"catalog.access.{value}"],
        _ => value,
    };

    public static string Type(UiText text, ListingType? type) => text[$"catalog.type.{type?.Key() ?? ListingTypeKeys.Organisation}"];

    public static string Status(UiText text, ListingStatus status) => text[$"catalog.status.{status.ToString().ToLowerInvariant()}"];
}
