using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Listings;

/// <summary>Reads for other modules and for this module's own endpoints and pages.</summary>
internal sealed class CatalogQueries(CatalogDb db, OrganisationRecords organisations) : ICatalogQueries
{
    public async Task<ListingDetail?> FindListingAsync(Guid listingId, CatalogViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var listing = await FindRecordAsync(listingId, cancellationToken);
        if (listing is null)
        {
            return null;
        }

        var content = await VisibleContentAsync(listing, viewer, cancellationToken);
        return content is null ? null : Detail(listing, content);
    }

    /// <summary>A listing as stored (its working copy), whoever asks; callers decide what of it to show.</summary>
    public Task<ListingRecord?> FindRecordAsync(Guid listingId, CancellationToken cancellationToken) =>
        db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listingId, cancellationToken);

    /// <summary>
    /// What <paramref name="viewer"/> sees of a listing: owners and the office the working copy; the public the
    /// latest published version (none when withdrawn or never published).
    /// </summary>
    public async Task<ListingContent?> VisibleContentAsync(ListingRecord listing, CatalogViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (viewer.IsOffice || viewer.OrganisationId == listing.OwnerOrganisationId)
        {
            return listing.Content;
        }

        if (listing.PublishedVersion is not { } version || listing.Status == ListingStatus.Withdrawn)
        {
            return null;
        }

        return listing.Status == ListingStatus.Published
            ? listing.Content
            : await db.ListingVersions.AsNoTracking().Where(v => v.ListingId == listing.Id && v.Number == version).Select(v => v.Content).SingleAsync(cancellationToken);
    }

    public async Task<OrganisationProfile?> FindOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        (await organisations.FindAsync(organisationId, cancellationToken))?.ToProfile();

    public Task<string?> FindContactEmailAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().Where(o => o.OrganisationId == organisationId).Select(o => o.ContactEmail).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, OrganisationProfile>> FindOrganisationsAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Qualifications)
            .Where(o => organisationIds.Contains(o.OrganisationId)).ToListAsync(cancellationToken);
        return organisations.ToDictionary(o => o.OrganisationId, o => o.ToProfile());
    }

    public async Task<IReadOnlyList<ListingSummary>> ListPublishedListingsAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        var listings = await db.Listings.AsNoTracking()
            .Where(l => l.OwnerOrganisationId == organisationId && l.PublishedVersion != null && l.Status != ListingStatus.Withdrawn)
            .ToListAsync(cancellationToken);
        var result = new List<ListingSummary>();
        foreach (var listing in listings.OrderByDescending(l => l.PublishedAt))
        {
            var content = await VisibleContentAsync(listing, CatalogViewer.Public, cancellationToken);
            result.Add(Summary(listing, content!, ListingStatus.Published));
        }

        return result;
    }

    internal static ListingDetail Detail(ListingRecord listing, ListingContent content) => new(
        Summary(listing, content, ReferenceEquals(content, listing.Content) ? listing.Status : ListingStatus.Published),
        content.Keywords, content.Attributes, listing.Source, listing.SourceId);

    private static ListingSummary Summary(ListingRecord l, ListingContent c, ListingStatus status) => new(
        l.Id, l.Type, status, l.OwnerOrganisationId, c.TitleZh, c.TitleEn, c.SummaryZh, c.SummaryEn, c.CitySlug, c.Sectors, l.PublishedVersion, l.PublishedAt);
}
