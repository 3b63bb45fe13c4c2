using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Funeng.Compute.Requests;

/// <summary>Every few seconds: asks the engines how their jobs are doing, then places what is still queued.</summary>
internal sealed class EngineWatcher(IServiceScopeFactory scopes, IOptions<ComputeOptions> options, TimeProvider time, OperatorLog<EngineWatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.WatchIntervalSeconds);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await using var scope = scopes.CreateActorScope(Actor.System);
                await scope.ServiceProvider.GetRequiredService<RequestTransitions>().SyncAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<PlaceRequests>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // one failed round (an engine not answering, a database blip) must not stop the watcher
            catch (Exception e)
#pragma warning restore CA1031
            {
                log.Warning(ProblemMessage.Of("compute.log.engine-round-failed"), e);
            }
        }
    }
}
