using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Search;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.SavedSearches;

/// <summary>
/// Saved-search alerts, off the request path. A publication (one listing or a whole import) adds its listings to
/// <c>catalog_saved_search_queue</c> in its own transaction (<see cref="Enqueue"/>); the index's writer process
/// (<see cref="IndexCatchUp"/>, or the CLI when no host holds the index) works through the queue in batches
/// (<see cref="DrainAsync"/>) once the listings are indexed. Each (search, listing) row is written before the
/// notification, under a unique key, so a re-publication, a second worker or a batch resumed after a crash never
/// announces the same listing twice. A saved search that cannot be run is logged and skipped: it never holds up
/// a publication or another saver's alerts.
/// </summary>
internal sealed class SavedSearchAlerts(CatalogDb db, CatalogSearch search, INotifier notifier, TimeProvider clock, OperatorLog<SavedSearchAlerts> log)
{
    /// <summary>Listings matched per batch.</summary>
    public const int BatchSize = 500;

    /// <summary>More new matches than this for one saved search in one batch are announced as one summary.</summary>
    public const int MaxSingleAlerts = 3;

    /// <summary>Queues published listings for their alerts; the caller's SaveChanges (in its transaction) writes them.</summary>
    public static void Enqueue(CatalogDb db, IEnumerable<Guid> listingIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.SavedSearchQueue.AddRange(listingIds.Distinct().Select(id => new SavedSearchQueueRecord { ListingId = id, QueuedAt = now }));
    }

    /// <summary>Announces every queued publication, oldest first, in batches; returns how many queue rows were done.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        while (true)
        {
            var batch = await db.SavedSearchQueue.AsNoTracking().OrderBy(q => q.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            await AnnounceAsync(batch.Select(q => q.ListingId).Distinct().ToList(), cancellationToken);
            var ids = batch.Select(q => q.Id).ToList();
            await db.SavedSearchQueue.Where(q => ids.Contains(q.Id)).ExecuteDeleteAsync(cancellationToken);
            done += batch.Count;
        }
    }

    private async Task AnnounceAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        if (!await db.SavedSearches.AnyAsync(cancellationToken))
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
            if (fresh.Count == 0)
            {
                continue;
            }

            IReadOnlySet<Guid> matched;
            try
            {
                matched = search.Matching(saved.Request(), fresh);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.Warning(ProblemMessage.Of("catalog.log.saved-search-skipped", saved.Id), e);
                continue;
            }

            var recorded = await RecordAsync(saved.Id, fresh.Where(matched.Contains).Select(id => (id, listings[id].PublishedVersion ?? 1)).ToList(), cancellationToken);
            if (recorded.Count > MaxSingleAlerts)
            {
                var link = "/catalog" + SavedSearchQuery.ToQueryString(saved.Text, saved.Filters);
                await notifier.NotifyUserAsync(saved.UserId, ProblemMessage.Of("catalog.notify.saved-search-matches", saved.Name, recorded.Count), link, cancellationToken);
                continue;
            }

            foreach (var id in recorded)
            {
                var content = listings[id].Content;
                var title = LocalizedText.Of(content.TitleZh, content.TitleEn);
                await notifier.NotifyUserAsync(saved.UserId, ProblemMessage.Of("catalog.notify.saved-search-match", saved.Name, title), $"/catalog/listings/{id}", cancellationToken);
            }
        }
    }

    /// <summary>Records the matches in one statement; when another worker recorded some first, one by one, keeping only those recorded here.</summary>
    private async Task<List<Guid>> RecordAsync(Guid savedSearchId, List<(Guid Listing, int Version)> matches, CancellationToken cancellationToken)
    {
        if (matches.Count == 0)
        {
            return [];
        }

        var records = matches.Select(m => new SavedSearchMatchRecord { SavedSearchId = savedSearchId, ListingId = m.Listing, ListingVersion = m.Version, NotifiedAt = clock.GetUtcNow() }).ToList();
        if (await TrySaveAsync(records, cancellationToken))
        {
            return [.. matches.Select(m => m.Listing)];
        }

        var mine = new List<Guid>();
        foreach (var record in records)
        {
            if (await TrySaveAsync([record], cancellationToken))
            {
                mine.Add(record.ListingId);
            }
        }

        return mine;
    }

    private async Task<bool> TrySaveAsync(List<SavedSearchMatchRecord> records, CancellationToken cancellationToken)
    {
        db.SavedSearchMatches.AddRange(records);
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
            foreach (var record in records)
            {
                db.Entry(record).State = EntityState.Detached;
            }
        }
    }
}
