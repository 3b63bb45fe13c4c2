using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Pages.Catalog;

/// <summary>The office's review queue: submitted listings, oldest first, with their owners.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class ReviewModel(CatalogDb db) : PageModel
{
    public IReadOnlyList<(ListingRecord Listing, string OwnerName)> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var submitted = await db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Submitted).ToListAsync(cancellationToken);
        var owners = submitted.Select(l => l.OwnerOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, o => o.LegalNameZh, cancellationToken);
        Queue = submitted.OrderBy(l => l.UpdatedAt).Select(l => (l, names.GetValueOrDefault(l.OwnerOrganisationId) ?? "")).ToList();
    }
}
