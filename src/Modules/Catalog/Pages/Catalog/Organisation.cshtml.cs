using Funeng.Catalog.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>An organisation's public profile: qualifications and published listings.</summary>
internal sealed class OrganisationModel(ICatalogQueries queries) : PageModel
{
    public OrganisationProfile Profile { get; private set; } = null!;

    public IReadOnlyList<ListingSummary> Listings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.FindOrganisationAsync(id, cancellationToken) is not { } profile)
        {
            return NotFound();
        }

        Profile = profile;
        Listings = await queries.ListPublishedListingsAsync(id, cancellationToken);
        return Page();
    }
}
