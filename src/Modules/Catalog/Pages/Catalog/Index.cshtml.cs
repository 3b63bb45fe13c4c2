using Funeng.Catalog.Contracts;
using Funeng.Catalog.Search;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>The catalog's search page: one query box, facets as links (no JavaScript needed), paging.</summary>
internal sealed class IndexModel(ICatalogSearch search, SearchHelp help, IActor actor) : PageModel
{
    public CatalogSearchResult Result { get; private set; } = new(0, 1, 20, [], new Dictionary<string, IReadOnlyList<FacetCount>>());

    public CatalogSearchRequest? Search { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string Query => Request.Query["q"].ToString();

    /// <summary>Pages to link to: results go <see cref="CatalogSearchRequest.MaxResultWindow"/> deep.</summary>
    public int Pages => Math.Clamp((Result.Total + Result.PageSize - 1) / Result.PageSize, 1, CatalogSearchRequest.MaxResultWindow / Result.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (request, problems) = SearchEndpoint.Parse(Request.Query, CatalogViewer.From(actor));
        Errors = problems.Count == 0 ? Errors : new InvalidInputException(problems).InReadersLanguage(HttpContext);
        Search = request;
        if (request is not null)
        {
            Result = await help.AddAsync(request, await search.SearchAsync(request, cancellationToken), cancellationToken);
        }
    }

    /// <summary>With few hits, the query with its misspelt words corrected, when that finds more.</summary>
    public string? DidYouMean => Result.DidYouMean;

    public bool IsSelected(string facet, string value) => Request.Query[SearchEndpoint.Parameter(facet)].Contains(value);

    /// <summary>This search with <paramref name="value"/> of <paramref name="facet"/> switched on or off, back on page 1.</summary>
    public string Toggle(string facet, string value)
    {
        var parameter = SearchEndpoint.Parameter(facet);
        var values = Request.Query[parameter].ToList();
        if (!values.Remove(value))
        {
            values.Add(value);
        }

        return With(parameter, new StringValues([.. values]), resetPage: true);
    }

    /// <summary>With few hits, other names of the query's glossary concepts (synonyms and translations) to try instead.</summary>
    public IReadOnlyList<string> TryWords => Result.TryWords;

    /// <summary>A search for <paramref name="text"/> alone, with the current filters, back on page 1.</summary>
    public string SearchFor(string text) => With("q", text, resetPage: true);

    /// <summary>Whether the page lists each organisation once (the default); <c>collapse=none</c> lists every matching listing.</summary>
    public bool Grouped => Search?.CollapseByOwner != false;

    /// <summary>This search with every matching listing, or grouped by organisation again, back on page 1.</summary>
    public string GroupedLink(bool grouped) => With("collapse", grouped ? "owner" : "none", resetPage: true);

    /// <summary>This search narrowed to one owner's matches (the "n more from this supplier" link).</summary>
    public string FromOwner(Guid owner) => With("owner", owner.ToString(), resetPage: true);

    public string PageLink(int page) => With("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture), resetPage: false);

    private string With(string parameter, StringValues values, bool resetPage)
    {
        var query = new QueryBuilder();
        foreach (var (key, existing) in Request.Query)
        {
            if (key != parameter && !(resetPage && key == "page"))
            {
                query.Add(key, existing.Where(v => v is not null).Select(v => v!));
            }
        }

        query.Add(parameter, values.Where(v => v is not null).Select(v => v!));
        return "/catalog" + query.ToQueryString();
    }
}
