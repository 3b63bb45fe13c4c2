using Funeng.Kernel.Security;

namespace Funeng.Catalog.Contracts;

/// <summary>
/// Who is looking, which decides what they may see: the public sees published listings only; members of an
/// organisation also see their own organisation's drafts, submissions and returned listings; office staff see all.
/// </summary>
/// <param name="OrganisationId">The viewer's organisation, or null for the public and the command line.</param>
/// <param name="IsOffice">True for office staff, who review and therefore see every listing.</param>
public sealed record CatalogViewer(Guid? OrganisationId, bool IsOffice)
{
    /// <summary>An anonymous visitor: published listings only.</summary>
    public static CatalogViewer Public { get; } = new(null, false);

    /// <summary>The office (and the command-line operator): everything.</summary>
    public static CatalogViewer Office { get; } = new(null, true);

    /// <summary>The viewer for the signed-in user of the current request.</summary>
    public static CatalogViewer From(IActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new(actor.OrganisationId, actor.IsInRole(Roles.OfficeStaff));
    }

    /// <summary>True when this viewer may see a listing of <paramref name="owner"/> in <paramref name="status"/>.</summary>
    public bool MaySee(Guid owner, ListingStatus status) =>
        status == ListingStatus.Published || IsOffice || OrganisationId == owner;
}
