using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Organisations;

internal sealed class OrganisationDirectory(PlatformDb db) : IOrganisationDirectory
{
    public async Task<OrganisationSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation?.ToSummary();
    }

    public async Task<IReadOnlyList<OrganisationSummary>> ListAsync(OrganisationKind? kind = null, CancellationToken cancellationToken = default)
    {
        var query = db.Organisations.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        var list = await query.OrderBy(o => o.NameZh).ToListAsync(cancellationToken);
        return list.ConvertAll(o => o.ToSummary());
    }
}
