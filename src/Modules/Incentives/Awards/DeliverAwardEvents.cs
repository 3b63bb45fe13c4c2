using System.Text.Json;
using Funeng.Incentives.Contracts;
using Funeng.Incentives.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Awards;

/// <summary>
/// Delivers the outbox to the handlers other modules register, oldest first, and marks each message delivered.
/// A use case calls <see cref="AfterCommitAsync"/> once its transaction has committed; <see cref="AwardEventsWorker"/>
/// calls <see cref="DeliverPendingAsync"/> at start-up and periodically for what a crash or a failure left behind.
/// Two deliverers may hand over the same message (two processes, or a request and the worker): handlers are
/// idempotent, so that costs a repeated no-op, never a second voucher.
/// </summary>
internal sealed class DeliverAwardEvents(IServiceScopeFactory scopes, TimeProvider clock, OperatorLog<DeliverAwardEvents> log)
{
    private const int Batch = 100;

    /// <summary>The change has committed whatever happens here: a failed delivery is logged and left to the worker.</summary>
    public async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DeliverPendingAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Warning(ProblemMessage.Of("incentives.log.outbox-after-commit-failed"), e);
        }
    }

    /// <summary>
    /// Delivers every pending message and returns how many. It stops at the first message a handler refuses, so
    /// that a later change of the same award (a clawback) never overtakes an earlier one (its approval).
    /// </summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        while (true)
        {
            // A scope of its own per batch: the caller's tracked entities and a failed handler's leftovers stay out.
            await using var scope = scopes.CreateAsyncScope();
            var handlers = scope.ServiceProvider.GetServices<IVoucherAwardHandler>().ToList();
            if (handlers.Count == 0)
            {
                return delivered; // a host without Compute leaves the messages to one that has it
            }

            var db = scope.ServiceProvider.GetRequiredService<IncentivesDb>();
            var pending = await db.Outbox.Where(m => m.DeliveredAt == null).OrderBy(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            foreach (var message in pending)
            {
                message.Attempts++;
                try
                {
                    var award = message.Topic == AwardEvents.VoucherAwardTopic
                        ? JsonSerializer.Deserialize<VoucherAward>(message.PayloadJson, JsonSerializerOptions.Web)!
                        : throw new InvalidOperationException($"No handler takes outbox topic '{message.Topic}'.");
                    foreach (var handler in handlers)
                    {
                        await handler.HandleAsync(award, cancellationToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                    await db.SaveChangesAsync(cancellationToken);
                    log.Warning(ProblemMessage.Of("incentives.log.outbox-message-not-delivered", message.Id, message.Attempts), e);
                    return delivered;
                }

                message.DeliveredAt = clock.GetUtcNow();
                message.LastError = null;
                await db.SaveChangesAsync(cancellationToken);
                delivered++;
            }

            if (pending.Count < Batch)
            {
                return delivered;
            }
        }
    }
}
