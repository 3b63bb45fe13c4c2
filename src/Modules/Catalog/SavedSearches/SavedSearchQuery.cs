using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search;
using Microsoft.AspNetCore.Http.Extensions;

namespace Funeng.Catalog.SavedSearches;

/// <summary>A saved search as the query string of the search page, so it reopens as it was saved.</summary>
internal static class SavedSearchQuery
{
    public static string ToQueryString(string text, CatalogFilters filters)
    {
        var query = new QueryBuilder();
        if (text.Length > 0)
        {
            query.Add("q", text);
        }

        foreach (var (facet, values) in Values(filters))
        {
            query.Add(SearchEndpoint.Parameter(facet), values);
        }

        return query.ToQueryString().Value ?? "";
    }

    public static IEnumerable<(string Facet, IReadOnlyList<string> Values)> Values(CatalogFilters filters) =>
        new (string, IReadOnlyList<string>)[]
        {
            (CatalogFacets.Type, filters.Types), (CatalogFacets.Sector, filters.Sectors), (CatalogFacets.City, filters.Cities),
            (CatalogFacets.Qualification, filters.Qualifications), (CatalogFacets.Licence, filters.Licences), (CatalogFacets.AccessLevel, filters.AccessLevels),
        }.Where(f => f.Item2.Count > 0);
}
