using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Search;

/// <summary>
/// On start, takes the index's write lock if no other process holds it, and then rebuilds the index when it
/// missed database changes (first start, restore, CLI import while closed). A process that finds the lock taken
/// reads the other's commits; its catch-up loop takes over the lock when that process exits.
/// </summary>
internal sealed class EnsureSearchIndex(SearchIndexer indexer, CatalogIndex index) : IStartupInitializer
{
    public async Task InitializeAsync(Action<ProblemMessage> report, CancellationToken cancellationToken)
    {
        if (!index.TryTakeWriter())
        {
            report(ProblemMessage.Of("catalog.search.reads-other-writer", index.Path));
            return;
        }

        await indexer.RebuildIfStaleAsync(cancellationToken);
    }
}
