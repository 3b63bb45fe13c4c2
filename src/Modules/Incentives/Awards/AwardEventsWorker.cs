using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Funeng.Incentives.Awards;

/// <summary>
/// Delivers what the after-commit delivery could not (the process died between commit and delivery, or a handler
/// failed): once at start-up, then every <see cref="IncentivesOptions.OutboxDeliverySeconds"/> (0: at start-up only).
/// </summary>
internal sealed class AwardEventsWorker(DeliverAwardEvents delivery, IOptions<IncentivesOptions> options, TimeProvider clock, OperatorLog<AwardEventsWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RunOnceAsync(stoppingToken);
        var seconds = options.Value.OutboxDeliverySeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await delivery.DeliverPendingAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may be briefly unreachable; the next round tries again.
            log.Warning(ProblemMessage.Of("incentives.log.outbox-round-failed"), e);
        }
    }
}
