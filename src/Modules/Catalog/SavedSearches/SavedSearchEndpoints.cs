using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Catalog.SavedSearches;

/// <summary>A saved search as the API returns it; <see cref="Link"/> opens it on the search page.</summary>
internal sealed record SavedSearchView(Guid Id, string Name, string Text, CatalogFilters Filters, DateTimeOffset CreatedAt, string Link)
{
    public static SavedSearchView Of(SavedSearchRecord s) => new(s.Id, s.Name, s.Text, s.Filters, s.CreatedAt, "/catalog" + SavedSearchQuery.ToQueryString(s.Text, s.Filters));
}

/// <summary>What a user saves: a name, the query text and the facet filters of the search page.</summary>
internal sealed record SavedSearchInput(string? Name, string? Text, CatalogFilters? Filters);

/// <summary><c>/api/v1/catalog/saved-searches</c>: each signed-in user lists, creates and deletes only their own.</summary>
internal static class SavedSearchEndpoints
{
    public static async Task<Ok<List<SavedSearchView>>> ListAsync(SavedSearchStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.MineAsync(cancellationToken)).Select(SavedSearchView.Of).ToList());

    /// <summary>Saves a search; a search that cannot be kept is answered 400 by field (<c>ProblemMapping</c>).</summary>
    public static async Task<Created<SavedSearchView>> CreateAsync(SavedSearchInput input, SavedSearchStore store, CancellationToken cancellationToken)
    {
        var saved = await store.CreateAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/catalog/saved-searches/{saved.Id}", SavedSearchView.Of(saved));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, SavedSearchStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
