using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Funeng.Index.Scoring;

/// <summary>
/// Keeps the dashboard's index computed: every <see cref="IndexOptions.SnapshotRefreshSeconds"/> it loads the inputs
/// and, when their fingerprint has changed (an observation, an award, a publication, new weights), computes the
/// default index with its sensitivity analysis for every year with data, before any reader asks for it.
/// </summary>
internal sealed class RefreshIndexSnapshots(IServiceScopeFactory scopes, IndexSnapshots snapshots, IOptions<IndexOptions> options, TimeProvider clock, OperatorLog<RefreshIndexSnapshots> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.SnapshotRefreshSeconds;
        if (seconds <= 0)
        {
            return;
        }

        string? seen = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            // Off the clock's thread: a timer tick runs this continuation inline, so a clock moved on by days (a
            // test's fake clock, or a host waking from suspend) would refresh once per missed 5 s period, 100,000
            // times in a row; yielding lets the missed ticks coalesce into one.
            await Task.Yield();
            try
            {
                await using var scope = scopes.CreateActorScope(Actor.System);
                var inputs = await scope.ServiceProvider.GetRequiredService<LoadIndexInputs>().LoadAsync(stoppingToken);
                if (inputs.Fingerprint != seen)
                {
                    var now = clock.GetUtcNow();
                    foreach (var year in CalculateIndex.Years(inputs.Book).Append(now.Year).Distinct())
                    {
                        await snapshots.GetAsync(inputs, year, IndexMethod.Default, new SensitivityOptions(CalculateIndex.DefaultDraws, CalculateIndex.DefaultSeed), stoppingToken);
                    }

                    if (seen is not null)
                    {
                        // The inputs changed, perhaps in another process (a CLI import): cached dashboards are stale.
                        await Kernel.Web.PublicCache.EvictAsync(scope.ServiceProvider, stoppingToken);
                    }

                    seen = inputs.Fingerprint;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be migrating or briefly unreachable; readers still compute on demand.
                log.Warning(ProblemMessage.Of("index.log.snapshot-refresh-failed", seconds), e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
