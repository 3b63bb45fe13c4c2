using Funeng.Catalog.Data;
using Funeng.Catalog.Search.Glossary;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Search;

/// <summary>
/// Holds the current glossary snapshot. Refreshed at start-up and after every committed change in this process;
/// the next query reads the new snapshot, and the index needs nothing because the glossary applies at query time.
/// Refreshes run one at a time and each reads the database after the change it follows, so the last swap
/// always holds the latest state.
/// </summary>
internal sealed class GlossarySnapshots : IGlossarySource, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private DomainGlossary _current = DomainGlossary.Shipped;

    public DomainGlossary Current => Volatile.Read(ref _current);

    public async Task RefreshAsync(CatalogDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var office = await db.GlossaryEntries.AsNoTracking().ToListAsync(cancellationToken);
            var merged = GlossaryRules.Merge(DomainGlossary.Shipped.Entries, [.. office.Select(Override)]);
            Volatile.Write(ref _current, new DomainGlossary(GlossaryRules.Active(merged), GeneralDictionary.Shipped));
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    /// <summary>A stored office entry as the pure rules take it.</summary>
    public static GlossaryOverride Override(GlossaryEntryRecord record) =>
        new(record.Group, record.ZhNames, record.EnNames, record.Source, record.Retired, record.CreatedAt, record.UpdatedAt, record.UpdatedBy);
}

/// <summary>Loads the office's glossary entries when the host starts.</summary>
internal sealed class LoadGlossary(GlossarySnapshots snapshots, CatalogDb db) : Kernel.Startup.IStartupInitializer
{
    public Task InitializeAsync(Action<Kernel.Web.ProblemMessage> report, CancellationToken cancellationToken)
    {
        // The general dictionary takes about a second to read: read it beside the start, not in the first search (every
        // query is read through it for traditional characters, an English one for its words too).
        _ = Task.Run(() => GeneralDictionary.Shipped.Count, CancellationToken.None);
        return snapshots.RefreshAsync(db, cancellationToken);
    }
}
