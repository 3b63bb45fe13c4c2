using Funeng.Catalog.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>The glossary that queries read now: the shipped file merged with the office's entries.</summary>
internal interface IGlossarySource
{
    /// <summary>An immutable snapshot; a change to the glossary swaps in a new one, so a query reads one version throughout.</summary>
    DomainGlossary Current { get; }
}

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
            var merged = GlossaryRules.Merge(DomainGlossary.Shipped.Entries, office);
            Volatile.Write(ref _current, new DomainGlossary(GlossaryRules.Active(merged)));
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();
}

/// <summary>Loads the office's glossary entries when the host starts.</summary>
internal sealed class LoadGlossary(GlossarySnapshots snapshots, CatalogDb db) : Kernel.Startup.IStartupInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) => snapshots.RefreshAsync(db, cancellationToken);
}
