using Funeng.Catalog.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>The suggestions under the search box, as list items (site.js puts them there while the person types).</summary>
internal sealed class SuggestionsModel(CatalogSuggestions suggestions) : PageModel
{
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    public void OnGet(string? q) => Suggestions = suggestions.Suggest(q);
}
