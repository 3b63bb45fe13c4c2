using Funeng.Catalog.Contracts;
using Funeng.Catalog.SavedSearches;
using Funeng.Catalog.Search;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>"My saved searches": the signed-in user's saved searches, saving the search page's current search, deleting.</summary>
[Authorize]
internal sealed class SavedSearchesModel(SavedSearchStore store) : PageModel, IShowsProblems
{
    public IReadOnlyList<SavedSearchView> Saved { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Saved = (await store.MineAsync(cancellationToken)).Select(SavedSearchView.Of).ToList();

    /// <summary>Saves the search the form carries (the search page posts its query and facets as hidden fields).</summary>
    public async Task<IActionResult> OnPostSaveAsync(string? name, string? q, CancellationToken cancellationToken)
    {
        var form = Request.Form;
        string[] Values(string facet) => form[SearchEndpoint.Parameter(facet)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray();
        var filters = new CatalogFilters
        {
            Types = Values(CatalogFacets.Type), Sectors = Values(CatalogFacets.Sector), Cities = Values(CatalogFacets.City),
            Qualifications = Values(CatalogFacets.Qualification), Licences = Values(CatalogFacets.Licence), AccessLevels = Values(CatalogFacets.AccessLevel),
        };
        var saved = await store.CreateAsync(new SavedSearchInput(name, q, filters), cancellationToken);
        this.Tell(ProblemMessage.Of("catalog.done.search-saved", saved.Name));
        return RedirectToPage(null, null, null, saved.Id.ToString());
    }

    /// <summary>A search that cannot be kept shows the list again with its problems (<see cref="ProblemsPageFilter"/>).</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        this.Tell(ProblemMessage.Of("catalog.done.search-deleted"));
        return RedirectToPage();
    }
}
