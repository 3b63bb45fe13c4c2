using Funeng.Compute.Data;
using Funeng.Compute.Engines;
using Funeng.Platform.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>
/// Every change of a request's state after placement: engine progress, cancellation by its enterprise, and
/// re-placement when its centre goes down. Each checks the transition table and is audited with the change.
/// </summary>
internal sealed class RequestTransitions(ComputeDb db, EngineDirectory engines, IAuditLog audit, TimeProvider time)
{
    private static readonly ProblemMessage CancelledByEnterprise = ProblemMessage.Of("compute.state-reason.cancelled-by-enterprise");

    /// <summary>Asks each engine about its active jobs and records what changed; returns how many changed.</summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        await PlaceRequests.Round.WaitAsync(cancellationToken);
        try
        {
            var changed = 0;
            var active = await db.Placements.Where(p => p.Active).ToListAsync(cancellationToken);
            foreach (var placement in active)
            {
                var request = await db.Requests.SingleAsync(r => r.Id == placement.RequestId, cancellationToken);
                var state = await engines.Get(placement.Engine).GetStateAsync(Job(request, placement), placement.ExternalId!, cancellationToken);
                var next = state switch
                {
                    EngineJobState.Running => RequestState.Running,
                    EngineJobState.Finished => RequestState.Finished,
                    EngineJobState.Failed => RequestState.Failed,
                    EngineJobState.Cancelled => RequestState.Cancelled,
                    _ => request.State,
                };
                if (next != request.State && await MoveAsync(request, placement, next, ProblemMessage.Of("compute.state-reason.engine-reports", PlaceRequests.EngineName(placement.Engine), ProblemMessage.Of("compute.state." + state.ToString().ToLowerInvariant())), cancellationToken))
                {
                    changed++;
                }
            }

            return changed;
        }
        finally
        {
            PlaceRequests.Round.Release();
        }
    }

    /// <summary>Cancels a request of the caller's organisation; a job not yet started gets its vouchers back.</summary>
    public async Task CancelAsync(RequestRecord request, CancellationToken cancellationToken)
    {
        await PlaceRequests.Round.WaitAsync(cancellationToken);
        try
        {
            if (!RequestLifecycle.CanMove(request.State, RequestState.Cancelled))
            {
                throw new DomainRuleException(ProblemMessage.Of("compute.refusal.not-cancellable", ProblemMessage.Of("compute.state." + request.State.ToString().ToLowerInvariant())), "state");
            }

            var placement = await db.Placements.SingleOrDefaultAsync(p => p.RequestId == request.Id && p.Active, cancellationToken);
            if (placement is not null)
            {
                await engines.Get(placement.Engine).CancelAsync(placement.ExternalId!, cancellationToken);
            }

            await MoveAsync(request, placement, RequestState.Cancelled, CancelledByEnterprise, cancellationToken);
        }
        finally
        {
            PlaceRequests.Round.Release();
        }
    }

    /// <summary>
    /// Takes a centre down or brings it up. Down: every job placed or running there is cancelled at its engine, its
    /// placement closed and its vouchers refunded, and it goes back to the queue to be placed elsewhere, in the
    /// same transaction per job, so a job is never both here and there.
    /// </summary>
    public async Task<int> SetCentreUpAsync(CentreRecord centre, bool up, CancellationToken cancellationToken)
    {
        await PlaceRequests.Round.WaitAsync(cancellationToken);
        int moved = 0;
        try
        {
            await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                centre.Up = up;
                await db.SaveChangesAsync(cancellationToken);
                await audit.AppendAsync(new AuditEvent(up ? "compute.centre.up" : "compute.centre.down", "compute_centre", centre.Id.ToString(), ProblemMessage.Of("compute.audit.centre-name", LocalizedText.Of(centre.NameZh, centre.NameEn))), db, cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }

            if (!up)
            {
                var stranded = await db.Placements.Where(p => p.CentreId == centre.Id && p.Active).ToListAsync(cancellationToken);
                foreach (var placement in stranded)
                {
                    var request = await db.Requests.SingleAsync(r => r.Id == placement.RequestId, cancellationToken);
                    try
                    {
                        await engines.Get(placement.Engine).CancelAsync(placement.ExternalId!, cancellationToken);
                    }
                    catch (EngineException)
                    {
                        // A centre that is down may not answer; its job is closed here and never counted twice.
                    }

                    if (await MoveAsync(request, placement, RequestState.Submitted, ProblemMessage.Of("compute.state-reason.centre-down", LocalizedText.Of(centre.NameZh, centre.NameEn)), cancellationToken))
                    {
                        moved++;
                    }
                }
            }
        }
        finally
        {
            PlaceRequests.Round.Release();
        }

        return moved;
    }

    private static ProblemMessage StateLabel(RequestState state) => ProblemMessage.Of("compute.state." + state.ToString().ToLowerInvariant());

    private async Task<bool> MoveAsync(RequestRecord request, PlacementRecord? placement, RequestState next, ProblemMessage reason, CancellationToken cancellationToken)
    {
        if (!RequestLifecycle.CanMove(request.State, next))
        {
            return false;
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = request.State;
        request.State = next;
        request.StateReason = StoredMessage.Write(reason);
        request.UpdatedAt = now;
        if (placement is not null)
        {
            if (next == RequestState.Running)
            {
                placement.StartedAt ??= now;
            }

            if (RequestLifecycle.IsOver(next) || next == RequestState.Submitted)
            {
                placement.Active = false;
                placement.EndedAt = now;
            }

            // A job that never ran costs nothing: give its vouchers back.
            if (next == RequestState.Submitted || (next == RequestState.Cancelled && placement.StartedAt is null))
            {
                var debits = await db.VoucherDebits.Where(d => d.PlacementId == placement.Id).ToListAsync(cancellationToken);
                foreach (var debit in debits.GroupBy(d => d.VoucherId))
                {
                    db.VoucherDebits.Add(new VoucherDebitRecord { Id = Guid.NewGuid(), VoucherId = debit.Key, RequestId = request.Id, PlacementId = placement.Id, Amount = -debit.Sum(d => d.Amount), At = now });
                }

                placement.DeviceHours = 0;
                placement.Cost = 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent($"compute.request.{next.ToString().ToLowerInvariant()}", "compute_request", request.Id.ToString(),
            ProblemMessage.Of("compute.audit.request-moved", StateLabel(before), StateLabel(next), reason, placement?.Id.ToString())), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The job as the engine is asked about it (what it runs was given at submission).</summary>
    private static EngineJob Job(RequestRecord r, PlacementRecord p) =>
        new(r.Id, $"funeng-{r.Id:N}", r.Devices, p.PlannedStart, p.PlannedEnd, null);
}
