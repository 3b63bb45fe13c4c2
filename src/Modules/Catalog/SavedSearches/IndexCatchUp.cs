using Funeng.Catalog.Search;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.SavedSearches;

/// <summary>
/// In the web host, every <see cref="CatalogOptions.IndexCatchUpSeconds"/> and whenever this process publishes
/// (<see cref="Wake"/>): takes the index's write lock if no other process holds it, indexes what other processes
/// committed (the command-line import, other web hosts), then works through the queue of publications waiting
/// for their saved-search alerts. Off the request path, on a scope (and DbContext) of its own; the queue lives in
/// the database, so a crash loses nothing. It lives with the saved searches, above Search, because announcing
/// what was indexed is the saved searches' work.
/// </summary>
internal sealed class IndexCatchUp(IServiceScopeFactory scopes, CatalogIndex index, IOptions<CatalogOptions> options, OperatorLog<IndexCatchUp> log)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a round now (after a publication committed in this process).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first; one round serves both.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.IndexCatchUpSeconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (seconds > 0)
                {
                    await _wake.WaitAsync(TimeSpan.FromSeconds(seconds), stoppingToken);
                }
                else
                {
                    await _wake.WaitAsync(stoppingToken);
                }

                await RoundAsync(seconds > 0, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (database briefly unreachable) must not stop the next one.
                log.Warning(ProblemMessage.Of("catalog.log.catch-up-failed", seconds), e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RoundAsync(bool catchUp, CancellationToken cancellationToken)
    {
        if (!index.TryTakeWriter())
        {
            return; // another process writes the index, and announces what it indexed
        }

        await using var scope = scopes.CreateActorScope(Actor.System);
        if (catchUp)
        {
            var changed = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(cancellationToken);
            if (changed.Count > 0)
            {
                // Another process changed listings: cached public pages may show the old catalog.
                await PublicCache.EvictAsync(scope.ServiceProvider, cancellationToken);
            }
        }

        await scope.ServiceProvider.GetRequiredService<SavedSearchAlerts>().DrainAsync(cancellationToken);
    }
}
