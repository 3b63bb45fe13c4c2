using System.Collections.Concurrent;
using Funeng.Catalog.Contracts;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Catalog's organisation profiles and listings when a module that reads them (Incentives, Scenarios)
/// runs alone: holds what the test added, shows a listing to whom Catalog would (<see cref="CatalogViewer.MaySee"/>),
/// and records each read.
/// </summary>
public sealed class FakeCatalogQueries : ICatalogQueries
{
    private readonly ConcurrentDictionary<Guid, OrganisationProfile> _organisations = new();
    private readonly ConcurrentDictionary<Guid, string> _contactEmails = new();
    private readonly ConcurrentDictionary<Guid, ListingDetail> _listings = new();

    public FakeCalls Calls { get; } = new();

    /// <summary>Adds or replaces an organisation's profile, with the contact address a supplier gave, if any.</summary>
    public void Add(OrganisationProfile profile, string? contactEmail = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _organisations[profile.OrganisationId] = profile;
        if (contactEmail is not null)
        {
            _contactEmails[profile.OrganisationId] = contactEmail;
        }
    }

    /// <summary>Adds or replaces a listing (its current version).</summary>
    public void Add(ListingDetail listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        _listings[listing.Summary.Id] = listing;
    }

    public Task<ListingDetail?> FindListingAsync(Guid listingId, CatalogViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        Calls.Record([listingId, viewer]);
        var listing = _listings.GetValueOrDefault(listingId);
        return Task.FromResult(listing is not null && viewer.MaySee(listing.Summary.OwnerOrganisationId, listing.Summary.Status) ? listing : null);
    }

    public Task<OrganisationProfile?> FindOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        Calls.Record([organisationId]);
        return Task.FromResult(_organisations.GetValueOrDefault(organisationId));
    }

    public Task<string?> FindContactEmailAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        Calls.Record([organisationId]);
        return Task.FromResult(_contactEmails.GetValueOrDefault(organisationId));
    }

    public Task<IReadOnlyDictionary<Guid, OrganisationProfile>> FindOrganisationsAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        Calls.Record([organisationIds]);
        IReadOnlyDictionary<Guid, OrganisationProfile> found = organisationIds.Distinct()
            .Select(id => _organisations.GetValueOrDefault(id)).OfType<OrganisationProfile>().ToDictionary(p => p.OrganisationId);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<ListingSummary>> ListPublishedListingsAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        Calls.Record([organisationId]);
        IReadOnlyList<ListingSummary> published = [.. _listings.Values.Select(l => l.Summary)
            .Where(s => s.OwnerOrganisationId == organisationId && s.Status == ListingStatus.Published)
            .OrderByDescending(s => s.PublishedAt)];
        return Task.FromResult(published);
    }
}
