using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Editions;

/// <summary>An edition in a list.</summary>
internal sealed record EditionSummary(Guid Id, string TitleZh, string TitleEn, int Year, bool Published, DateOnly? PublishedOn, int Entries);

/// <summary>An edition with its entries as they were included.</summary>
internal sealed record EditionView(
    Guid Id, string TitleZh, string TitleEn, int Year, string DescriptionZh, string DescriptionEn, bool Published, DateOnly? PublishedOn,
    string? PublishedBy, IReadOnlyList<EditionEntryView> Entries);

/// <summary>
/// One entry: the listing as it was in <see cref="ListingVersion"/>, whatever happened to it since.
/// <see cref="Withdrawn"/> says it was withdrawn later; <see cref="CurrentVersion"/> names a newer published version.
/// </summary>
internal sealed record EditionEntryView(
    Guid ListingId, int ListingVersion, ListingType Type, string TitleZh, string TitleEn, string SummaryZh, string SummaryEn,
    Guid OwnerOrganisationId, string OwnerNameZh, bool Withdrawn, int? CurrentVersion);

/// <summary>Reading editions: the public sees published ones; office staff also see drafts.</summary>
internal sealed class EditionQueries(CatalogDb db, IActor actor)
{
    private bool IncludeDrafts => actor.IsInRole(Roles.OfficeStaff);

    public async Task<List<EditionSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var includeDrafts = IncludeDrafts;
        return await db.Editions.AsNoTracking().Where(e => includeDrafts || e.PublishedOn != null)
            .OrderByDescending(e => e.Year).ThenByDescending(e => e.PublishedOn).ThenByDescending(e => e.CreatedAt)
            .Select(e => new EditionSummary(e.Id, e.TitleZh, e.TitleEn, e.Year, e.PublishedOn != null, e.PublishedOn, e.Entries.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<EditionView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Entries).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (edition is null || !(edition.IsPublished || IncludeDrafts))
        {
            return null;
        }

        var ids = edition.Entries.Select(e => e.ListingId).ToList();
        var listings = await db.Listings.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.Type, l.Status, l.PublishedVersion, l.OwnerOrganisationId }).ToDictionaryAsync(l => l.Id, cancellationToken);
        var versions = await db.ListingVersions.AsNoTracking().Where(v => ids.Contains(v.ListingId)).ToListAsync(cancellationToken);
        var frozen = edition.Entries.ToDictionary(e => e.ListingId, e => e.ListingVersion);
        var contents = versions.Where(v => frozen[v.ListingId] == v.Number).ToDictionary(v => v.ListingId, v => v.Content);
        var owners = listings.Values.Select(l => l.OwnerOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, o => o.LegalNameZh, cancellationToken);
        var entries = edition.Entries.OrderBy(e => e.AddedAt).Select(e =>
        {
            var listing = listings[e.ListingId];
            var content = contents[e.ListingId];
            return new EditionEntryView(
                e.ListingId, e.ListingVersion, listing.Type, content.TitleZh, content.TitleEn, content.SummaryZh, content.SummaryEn, listing.OwnerOrganisationId,
                names.GetValueOrDefault(listing.OwnerOrganisationId) ?? "", listing.Status == ListingStatus.Withdrawn,
                listing.PublishedVersion > e.ListingVersion ? listing.PublishedVersion : null);
        }).ToList();
        return new EditionView(edition.Id, edition.TitleZh, edition.TitleEn, edition.Year, edition.DescriptionZh, edition.DescriptionEn,
            edition.IsPublished, edition.PublishedOn, edition.PublishedBy, entries);
    }
}
