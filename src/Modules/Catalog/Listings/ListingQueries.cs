using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Listings;

/// <summary>A submitted listing in the office's review queue, with its owner's Chinese name ("" when it keeps no profile) and when it was submitted.</summary>
internal sealed record QueuedListing(Guid Id, LocalizedText Title, ListingType Type, string OwnerName, DateTimeOffset SubmittedAt);

/// <summary>Reads of listings for this module's pages and endpoints, as the actor may see them.</summary>
internal sealed class ListingQueries(CatalogDb db, CatalogQueries queries, IActor actor)
{
    /// <summary>The view of a listing for the actor, or null when they may not see it.</summary>
    public async Task<ListingView?> ViewAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = CatalogViewer.From(actor);
        var listing = await queries.FindRecordAsync(id, cancellationToken);
        var content = listing is null ? null : await queries.VisibleContentAsync(listing, viewer, cancellationToken);
        if (listing is null || content is null)
        {
            return null;
        }

        var insider = viewer.IsOffice || viewer.OrganisationId == listing.OwnerOrganisationId;
        var versions = await db.ListingVersions.AsNoTracking().Where(v => v.ListingId == id).OrderBy(v => v.Number)
            .Select(v => new VersionView(v.Number, v.PublishedAt, insider ? v.PublishedBy : null)).ToListAsync(cancellationToken);
        return new ListingView(
            CatalogQueries.Detail(listing, content),
            insider ? listing.Status : ListingStatus.Published,
            insider ? listing.ReturnReason : null,
            versions);
    }

    /// <summary>A listing of the actor's own organisation, as its owner edits it; null for anyone else's (office staff included).</summary>
    public async Task<ListingRecord?> FindOwnAsync(Guid id, CancellationToken cancellationToken) =>
        await queries.FindRecordAsync(id, cancellationToken) is { } listing && actor.BelongsTo(listing.OwnerOrganisationId) ? listing : null;

    /// <summary>A listing's type, whoever asks (a refused edit shows the form of its type again); null when there is no such listing.</summary>
    public Task<ListingType?> TypeOfAsync(Guid id, CancellationToken cancellationToken) =>
        db.Listings.AsNoTracking().Where(l => l.Id == id).Select(l => (ListingType?)l.Type).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Submitted listings waiting for review, oldest first.</summary>
    public async Task<List<ListingRecord>> SubmittedAsync(CancellationToken cancellationToken) =>
        (await db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Submitted).ToListAsync(cancellationToken)).OrderBy(l => l.UpdatedAt).ToList();

    /// <summary>The review queue (submitted listings, oldest first) with their owners' names.</summary>
    public async Task<IReadOnlyList<QueuedListing>> ReviewQueueAsync(CancellationToken cancellationToken)
    {
        var submitted = await SubmittedAsync(cancellationToken);
        var owners = await queries.FindOrganisationsAsync(submitted.Select(l => l.OwnerOrganisationId).Distinct().ToList(), cancellationToken);
        return submitted.Select(l => new QueuedListing(l.Id, LocalizedText.Of(l.Content.TitleZh, l.Content.TitleEn), l.Type,
            owners.GetValueOrDefault(l.OwnerOrganisationId)?.LegalNameZh ?? "", l.UpdatedAt)).ToList();
    }
}
