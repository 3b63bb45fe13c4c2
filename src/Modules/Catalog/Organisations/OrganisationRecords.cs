using Funeng.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Organisations;

/// <summary>
/// An organisation's profile as stored, with its qualifications (contact details and evidence too): for the API's
/// profile, its own members' form and <see cref="Listings.CatalogQueries"/>.
/// </summary>
internal sealed class OrganisationRecords(CatalogDb db)
{
    public Task<OrganisationRecord?> FindAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Include(o => o.Qualifications).SingleOrDefaultAsync(o => o.OrganisationId == organisationId, cancellationToken);
}
