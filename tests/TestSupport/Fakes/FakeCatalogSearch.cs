using Funeng.Catalog.Contracts;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Catalog's search when a module that searches the catalog (Scenarios' matchmaking) runs alone:
/// answers every search with the hits the test set, shown to whom Catalog would (<see cref="CatalogViewer.MaySee"/>),
/// and records each request.
/// </summary>
public sealed class FakeCatalogSearch : ICatalogSearch
{
    private volatile IReadOnlyList<CatalogHit> _hits = [];

    public FakeCalls Calls { get; } = new();

    /// <summary>The hits every following search answers, best first (none until set).</summary>
    public void Answer(params CatalogHit[] hits) => _hits = hits;

    public Task<CatalogSearchResult> SearchAsync(CatalogSearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Calls.Record([request]);
        var visible = _hits.Where(h => request.Viewer.MaySee(h.OwnerOrganisationId, h.Status)).ToList();
        var page = visible.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        return Task.FromResult(new CatalogSearchResult(visible.Count, request.Page, request.PageSize, page, new Dictionary<string, IReadOnlyList<FacetCount>>())
        {
            Matched = visible.Count,
        });
    }
}
