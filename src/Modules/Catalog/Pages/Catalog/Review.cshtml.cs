using Funeng.Catalog.Listings;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>The office's review queue: submitted listings, oldest first, with their owners.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class ReviewModel(ListingQueries listings) : PageModel
{
    public IReadOnlyList<QueuedListing> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await listings.ReviewQueueAsync(cancellationToken);
}
