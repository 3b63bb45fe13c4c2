using System.Globalization;
using Funeng.Catalog.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Search;

/// <summary>
/// Keeps the index in step with the database. Handlers call it right after their transaction commits, so the
/// index follows each committed change at once (never a rolled-back one) when this process is the index's
/// writer; otherwise the writer's <see cref="CatchUpAsync"/> picks the change up from the database.
/// <see cref="RebuildAsync"/> recreates the index, and start-up rebuilds it when its fingerprint shows it missed
/// changes.
/// </summary>
internal sealed class SearchIndexer(CatalogDb db, CatalogIndex index, TimeProvider clock, OperatorLog<SearchIndexer> log)
{
    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>
    /// Re-indexes listings after a commit that changed them. False when another process writes the index: the
    /// change is committed and that process catches up on it.
    /// </summary>
    public async Task<bool> ListingsChangedAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        if (!index.TryTakeWriter())
        {
            log.Debug(ProblemMessage.Of("catalog.log.index-written-elsewhere-listings", index.Path, listingIds.Count));
            return false;
        }

        await InTurnAsync(async () =>
        {
            await IndexListingsAsync(listingIds, cancellationToken);

            // No fingerprint: changes other processes committed meanwhile are not in the index yet, and the catch-up must still see them.
            index.Commit();
        }, cancellationToken);
        return true;
    }

    /// <summary>Runs a read-then-write of the index in this process's writer turn (<see cref="CatalogIndex.WriterTurn"/>).</summary>
    private async Task InTurnAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await index.WriterTurn.WaitAsync(cancellationToken);
        try
        {
            await work();
        }
        finally
        {
            index.WriterTurn.Release();
        }
    }

    private async Task IndexListingsAsync(IReadOnlyCollection<Guid> listingIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in listingIds.Chunk(500))
        {
            var listings = await db.Listings.AsNoTracking().Where(l => chunk.Contains(l.Id)).ToListAsync(cancellationToken);
            var published = await PublishedContentAsync(chunk, cancellationToken);
            var owners = await OwnersAsync(listings.Select(l => l.OwnerOrganisationId).Distinct().ToList(), cancellationToken);
            foreach (var listing in listings)
            {
                index.Replace(listing.Id.ToString(), SearchDocuments.ForListing(listing, published.GetValueOrDefault(listing.Id), Owner(owners, listing.OwnerOrganisationId)));
            }
        }
    }

    /// <summary>
    /// Re-indexes organisation profiles and their listings (their qualification facet and owner name follow the
    /// profile). False when another process writes the index.
    /// </summary>
    public async Task<bool> OrganisationsChangedAsync(IReadOnlyCollection<Guid> organisationIds, IReadOnlyCollection<Guid> alsoListings, CancellationToken cancellationToken)
    {
        if (!index.TryTakeWriter())
        {
            log.Debug(ProblemMessage.Of("catalog.log.index-written-elsewhere-profiles", index.Path, organisationIds.Count));
            return false;
        }

        await InTurnAsync(async () =>
        {
            await IndexOrganisationsAsync(organisationIds, alsoListings, cancellationToken);
            index.Commit();
        }, cancellationToken);
        return true;
    }

    private async Task IndexOrganisationsAsync(IReadOnlyCollection<Guid> organisationIds, IReadOnlyCollection<Guid> alsoListings, CancellationToken cancellationToken)
    {
        var listingIds = new HashSet<Guid>(alsoListings);
        foreach (var chunk in organisationIds.Chunk(500))
        {
            foreach (var organisation in (await OwnersAsync([.. chunk], cancellationToken)).Values)
            {
                index.Replace(organisation.OrganisationId.ToString(), [SearchDocuments.ForOrganisation(organisation, Today)]);
            }

            listingIds.UnionWith(await db.Listings.Where(l => chunk.Contains(l.OwnerOrganisationId)).Select(l => l.Id).ToListAsync(cancellationToken));
        }

        await IndexListingsAsync(listingIds, cancellationToken);
    }

    /// <summary>Drops the index and writes it again from the database; reports progress as (done, total).</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        // In this process's writer turn: a catch-up or a change's re-indexing that started before would otherwise
        // commit into the half-written index, or after the rebuild's merge.
        var written = 0;
        await InTurnAsync(async () => written = await RebuildInTurnAsync(progress, cancellationToken), cancellationToken);
        return written;
    }

    private async Task<int> RebuildInTurnAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        index.Rebuilding = true;
        try
        {
            return await WriteAllAsync(progress, cancellationToken);
        }
        finally
        {
            index.Rebuilding = false;
        }
    }

    private async Task<int> WriteAllAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        if (!index.TryTakeWriter())
        {
            // A state conflict a person reads (funeng search rebuild while the web host runs), in their language.
            throw new DomainRuleException(ProblemMessage.Of("catalog.search.locked-rebuild", index.Path));
        }

        // Taken before reading: whatever commits while we read makes the next catch-up look again.
        var fingerprint = await FingerprintAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Qualifications).ToDictionaryAsync(o => o.OrganisationId, cancellationToken);
        var total = organisations.Count + await db.Listings.CountAsync(cancellationToken);
        index.DeleteAll();
        var done = 0;
        foreach (var organisation in organisations.Values)
        {
            index.Add([SearchDocuments.ForOrganisation(organisation, Today)]);
            done++;
        }

        progress?.Report((done, total));
        var lastId = Guid.Empty;
        while (true)
        {
            // Keyset paging keeps memory flat on a million listings.
            var batch = await db.Listings.AsNoTracking().Where(l => l.Id.CompareTo(lastId) > 0).OrderBy(l => l.Id).Take(2000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var published = await PublishedContentAsync(batch.Select(l => l.Id).ToList(), cancellationToken);
            foreach (var listing in batch)
            {
                index.Add(SearchDocuments.ForListing(listing, published.GetValueOrDefault(listing.Id), Owner(organisations, listing.OwnerOrganisationId)));
            }

            done += batch.Count;
            lastId = batch[^1].Id;
            progress?.Report((done, total));
        }

        index.MergeSegments();
        index.Commit(fingerprint);
        return done;
    }

    /// <summary>Rebuilds when the index was not written from the current database state (e.g. the CLI imported while the index was closed).</summary>
    public async Task<bool> RebuildIfStaleAsync(CancellationToken cancellationToken)
    {
        if (!index.TryTakeWriter() || index.Fingerprint() == await FingerprintAsync(cancellationToken))
        {
            return false;
        }

        await RebuildAsync(null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Re-indexes what other processes (the command-line import, other web hosts) committed, when this process is
    /// the index's writer: when the fingerprint differs, every listing and profile changed since an hour before the
    /// index's last known change (the hour covers transactions that committed after a later one). An index that was
    /// never written is rebuilt. Returns the listings re-indexed.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> CatchUpAsync(CancellationToken cancellationToken)
    {
        // A rebuild in progress commits the whole state when done; a commit before that would expose half of it.
        if (index.Rebuilding || !index.TryTakeWriter())
        {
            return [];
        }

        IReadOnlyList<Guid> caughtUp = [];
        await InTurnAsync(async () => caughtUp = await CatchUpInTurnAsync(cancellationToken), cancellationToken);
        return caughtUp;
    }

    private async Task<IReadOnlyList<Guid>> CatchUpInTurnAsync(CancellationToken cancellationToken)
    {
        // Read before the changes, so that a change committed while we index makes the next round look again.
        var current = await FingerprintAsync(cancellationToken);
        var indexed = index.Fingerprint();
        if (indexed == current)
        {
            return [];
        }

        if (indexed is null)
        {
            await RebuildInTurnAsync(null, cancellationToken);
            return [];
        }

        var parts = indexed.Split('/');
        // The last two parts are the latest change times (see FingerprintAsync); whatever comes before may grow.
        var ticks = parts.TakeLast(2).Select(p => long.TryParse(p, CultureInfo.InvariantCulture, out var t) ? t : 0).DefaultIfEmpty(0).Min();
        var since = new DateTimeOffset(Math.Max(ticks - TimeSpan.TicksPerHour, 0), TimeSpan.Zero);
        var listings = await db.Listings.Where(l => l.UpdatedAt >= since).Select(l => l.Id).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.Where(o => o.UpdatedAt >= since).Select(o => o.OrganisationId).ToListAsync(cancellationToken);
        log.Information(ProblemMessage.Of("catalog.log.index-catching-up", listings.Count, organisations.Count));
        await IndexOrganisationsAsync(organisations, listings, cancellationToken);
        index.Commit(current);
        return listings;
    }

    /// <summary>
    /// Raised whenever what a document holds changes (a field, an analyser, a renamed key), so that start-up rebuilds an
    /// index written the old way instead of serving it. 2: owners' English names and the one qualification code set.
    /// 3: English words stemmed by Krovetz's stemmer, not Porter's (BilingualAnalyzer). 4: an English title or name that
    /// is the Chinese one is stored, not searched, and a text is searched once (SearchDocuments). 5: Chinese searched in simplified
    /// characters, whichever it was written in (IndexedText).
    /// </summary>
    private const int DocumentLayout = 5;

    /// <summary>Counts and the latest change time of what the index holds: different values mean missed changes.</summary>
    private async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        var listings = await db.Listings.CountAsync(cancellationToken);
        var organisations = await db.Organisations.CountAsync(cancellationToken);
        var qualifications = await db.Qualifications.CountAsync(cancellationToken);
        var lastListing = await db.Listings.MaxAsync(l => (DateTimeOffset?)l.UpdatedAt, cancellationToken);
        var lastOrganisation = await db.Organisations.MaxAsync(o => (DateTimeOffset?)o.UpdatedAt, cancellationToken);
        return $"v{DocumentLayout}/{listings}/{organisations}/{qualifications}/{lastListing?.UtcTicks}/{lastOrganisation?.UtcTicks}";
    }

    private async Task<Dictionary<Guid, ListingContent>> PublishedContentAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.ListingVersions.AsNoTracking()
            .Where(v => ids.Contains(v.ListingId) && db.Listings.Any(l => l.Id == v.ListingId && l.PublishedVersion == v.Number))
            .ToDictionaryAsync(v => v.ListingId, v => v.Content, cancellationToken);

    private async Task<Dictionary<Guid, OrganisationRecord>> OwnersAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Include(o => o.Qualifications).Where(o => ids.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, cancellationToken);

    private IndexedOwner Owner(Dictionary<Guid, OrganisationRecord> owners, Guid id) => IndexedOwner.Of(owners.GetValueOrDefault(id), id, Today);
}
