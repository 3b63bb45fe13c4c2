using Funeng.Catalog.SavedSearches;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Search;

/// <summary>
/// In the web host, looks every <see cref="CatalogOptions.IndexCatchUpSeconds"/> for changes committed by another
/// process (a command-line import cannot open the index the host holds), indexes them and checks saved searches.
/// </summary>
internal sealed class IndexCatchUp(IServiceScopeFactory scopes, IOptions<CatalogOptions> options, TimeProvider clock, ILogger<IndexCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IndexCatchUpSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IndexCatchUpSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<SavedSearchAlerts>().ListingsPublishedAsync(changed, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (database briefly unreachable) must not stop the next one.
                logger.LogWarning(e, "Search index catch-up failed; retrying in {Seconds} s", options.Value.IndexCatchUpSeconds);
            }
        }
    }
}
