using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Search;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Funeng.Catalog.SavedSearches;

/// <summary>
/// After listings are published (and indexed), tells the owner of each saved search that finds one of them for
/// the first time. The (search, listing) row is written before the notification, under a unique key, so a
/// re-publication or a concurrent request never announces the same listing twice.
/// </summary>
internal sealed class SavedSearchAlerts(CatalogDb db, CatalogSearch search, INotifier notifier, TimeProvider clock, ILogger<SavedSearchAlerts> logger)
{
    public async Task ListingsPublishedAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        if (listingIds.Count == 0 || !await db.SavedSearches.AnyAsync(cancellationToken))
        {
            return;
        }

        var listings = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id) && l.Status == ListingStatus.Published)
            .Select(l => new { l.Id, l.PublishedVersion, l.Content }).ToDictionaryAsync(l => l.Id, cancellationToken);
        var ids = listings.Keys.ToList();
        var announced = (await db.SavedSearchMatches.AsNoTracking().Where(m => ids.Contains(m.ListingId))
            .Select(m => new { m.SavedSearchId, m.ListingId }).ToListAsync(cancellationToken))
            .Select(m => (m.SavedSearchId, m.ListingId)).ToHashSet();
        foreach (var saved in await db.SavedSearches.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken))
        {
            var fresh = ids.Where(id => !announced.Contains((saved.Id, id))).ToList();
            IReadOnlySet<Guid> matched;
            try
            {
                matched = fresh.Count == 0 ? new HashSet<Guid>() : search.Matching(saved.Request(), fresh);
            }
            catch (SearchIndexLockedException e)
            {
                logger.LogWarning("Saved searches not checked: {Reason}", e.Message);
                return;
            }

            foreach (var id in fresh.Where(matched.Contains))
            {
                var listing = listings[id];
                if (await RecordAsync(saved.Id, id, listing.PublishedVersion ?? 1, cancellationToken))
                {
                    var en = string.IsNullOrEmpty(listing.Content.TitleEn) ? listing.Content.TitleZh : listing.Content.TitleEn;
                    await notifier.NotifyUserAsync(saved.UserId, $"保存的搜索“{saved.Name}”有新结果：{listing.Content.TitleZh}",
                        $"New match for your saved search “{saved.Name}”: {en}", $"/catalog/listings/{id}", cancellationToken);
                }
            }
        }
    }

    /// <summary>False when another request recorded this match first.</summary>
    private async Task<bool> RecordAsync(Guid savedSearchId, Guid listingId, int version, CancellationToken cancellationToken)
    {
        var match = new SavedSearchMatchRecord { SavedSearchId = savedSearchId, ListingId = listingId, ListingVersion = version, NotifiedAt = clock.GetUtcNow() };
        db.SavedSearchMatches.Add(match);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.Entry(match).State = EntityState.Detached;
        }
    }
}
