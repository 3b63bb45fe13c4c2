using Funeng.Kernel.Startup;

namespace Funeng.Catalog.Search;

/// <summary>On start, rebuilds the search index when it missed database changes (first start, restore, CLI import while closed).</summary>
internal sealed class EnsureSearchIndex(SearchIndexer indexer) : IStartupInitializer
{
    public Task InitializeAsync(CancellationToken cancellationToken) => indexer.RebuildIfStaleAsync(cancellationToken);
}
