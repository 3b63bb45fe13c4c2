using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Catalog.Search;

/// <summary>
/// <c>GET /api/v1/catalog/suggestions?q=&amp;limit=</c>: suggestions for what has been typed so far (public data
/// only: published titles, organisation names, glossary terms). The search page asks /catalog/suggestions for the
/// same as HTML.
/// </summary>
internal static class SuggestionsEndpoint
{
    public static Ok<IReadOnlyList<Suggestion>> Handle(string? q, int? limit, CatalogSuggestions suggestions)
    {
        if (q?.Length > CatalogSuggestions.MaxTextLength)
        {
            throw InvalidInputException.For("q", "catalog.suggest.invalid.q", CatalogSuggestions.MaxTextLength);
        }

        if (limit is < 1 or > CatalogSuggestions.MaxLimit)
        {
            throw InvalidInputException.For("limit", "catalog.suggest.invalid.limit", CatalogSuggestions.MaxLimit);
        }

        return TypedResults.Ok(suggestions.Suggest(q, limit ?? CatalogSuggestions.DefaultLimit));
    }
}
