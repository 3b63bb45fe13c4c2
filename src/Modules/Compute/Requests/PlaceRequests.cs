using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Engines;
using Funeng.Compute.Registry;
using Funeng.Compute.Scheduling;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>
/// Runs the scheduler over every submitted request under the office's policy: each placement, its voucher debits,
/// the request's new state and the audit entry commit together, after the engine has accepted the job.
/// </summary>
internal sealed class PlaceRequests(ComputeDb db, EngineDirectory engines, Jobs.JobTemplates templates, IAuditLog audit, TimeProvider time)
{
    /// <summary>One placement round at a time in this process; <see cref="RoundLock"/> extends that across processes.</summary>
    internal static readonly SemaphoreSlim Round = new(1, 1);


    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await Round.WaitAsync(cancellationToken);
        try
        {
            await using var acrossProcesses = await RoundLock.AcquireAsync(db, cancellationToken);
            return await PlaceAllAsync(cancellationToken);
        }
        finally
        {
            Round.Release();
        }
    }

    private async Task<int> PlaceAllAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queue = await db.Requests.Where(r => r.State == RequestState.Submitted).ToListAsync(cancellationToken);
        if (queue.Count == 0)
        {
            return 0;
        }

        var policy = await ComputeSettings.PolicyAsync(db, cancellationToken);
        var centres = await ClusterSnapshot.LoadAsync(db, cancellationToken);
        var scheduler = new Scheduler(centres, policy);
        var active = await db.Placements.Where(p => p.Active).ToListAsync(cancellationToken);
        var devicesOf = await db.Requests.Where(r => r.State == RequestState.Placed || r.State == RequestState.Running)
            .ToDictionaryAsync(r => r.Id, r => r.Devices, cancellationToken);
        foreach (var p in active)
        {
            scheduler.Reserve(p.PoolId, p.PlannedStart, p.PlannedEnd, devicesOf.GetValueOrDefault(p.RequestId));
        }

        var (used, weights) = await FairShareAsync(centres, cancellationToken);
        var pools = centres.SelectMany(c => c.Pools).ToDictionary(p => p.Id);
        var placed = 0;
        var byId = queue.ToDictionary(r => r.Id);
        foreach (var demand in scheduler.Order(queue.Select(ToDemand), used, weights))
        {
            var request = byId[demand.Id];
            var (placement, explanation) = scheduler.Place(demand, now);
            request.LastExplanation = JsonSerializer.Serialize(explanation, ComputeJson.Options);
            if (placement is null)
            {
                request.StateReason = StoredMessage.Write(explanation.Reason);
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            if (await CommitAsync(request, placement, pools[placement.PoolId], now, cancellationToken))
            {
                placed++;
            }
            else
            {
                scheduler.Release(placement, request.Devices);
            }
        }

        return placed;
    }

    private async Task<bool> CommitAsync(RequestRecord request, Placement placement, PoolSpec pool, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new PlacementRecord
        {
            Id = Guid.NewGuid(), RequestId = request.Id, CentreId = placement.CentreId, PoolId = placement.PoolId,
            Policy = placement.Explanation.Policy, PlannedStart = placement.Start, PlannedEnd = placement.End,
            Cost = placement.Cost, DeviceHours = placement.DeviceHours, Engine = pool.Engine, Active = true, CreatedAt = now,
            Explanation = JsonSerializer.Serialize(placement.Explanation, ComputeJson.Options),
        };
        db.Placements.Add(record);
        var balances = await VoucherDebits.BalancesAsync(db, request.OrganisationId, ChinaTime.DateOf(now), cancellationToken);
        var chosen = request.VoucherIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var usable = chosen.Select(id => balances.FirstOrDefault(b => b.Id == id)).OfType<VoucherBalance>().ToList();
        var (debits, _) = VoucherDebits.Split(usable, placement.Cost, placement.DeviceHours);
        foreach (var (voucherId, amount) in debits)
        {
            db.VoucherDebits.Add(new VoucherDebitRecord { Id = Guid.NewGuid(), VoucherId = voucherId, RequestId = request.Id, PlacementId = record.Id, Amount = amount, At = now });
        }

        request.State = RequestState.Placed;
        request.StateReason = StoredMessage.Write(placement.Explanation.Reason);
        request.Attempts++;
        request.UpdatedAt = now;
        try
        {
            var job = new EngineJob(request.Id, $"funeng-{request.Id:N}", request.Devices, placement.Start, placement.End, templates.Spec(request.JobTemplate, request.JobArguments));
            record.ExternalId = await engines.Get(pool.Engine).SubmitAsync(job, cancellationToken);
        }
        catch (EngineException e)
        {
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var fresh = await db.Requests.SingleAsync(r => r.Id == request.Id, cancellationToken);
            fresh.StateReason = StoredMessage.Write(ProblemMessage.Of("compute.state-reason.engine-refused", EngineName(pool.Engine), Shortened(e.Message)));
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.request.placed", "compute_request", request.Id.ToString(),
            ProblemMessage.Of("compute.audit.request-placed", placement.Explanation.ChosenCentre, pool.Name, ProblemMessage.Of("compute.policy." + record.Policy), record.Cost, debits.Count, record.Id.ToString())),
            db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Device-hours each enterprise has had placed, and its weight: the device-hours its vouchers grant (yuan at the mean price), at least 1.</summary>
    private async Task<(Dictionary<Guid, double> Used, Dictionary<Guid, double> Weights)> FairShareAsync(IReadOnlyList<CentreSpec> centres, CancellationToken cancellationToken)
    {
        var placements = await db.Placements.Join(db.Requests, p => p.RequestId, r => r.Id, (p, r) => new { r.OrganisationId, p.DeviceHours, p.Active, p.EndedAt })
            .ToListAsync(cancellationToken);
        var used = placements.GroupBy(p => p.OrganisationId).ToDictionary(g => g.Key, g => g.Sum(p => p.DeviceHours));
        var prices = centres.SelectMany(c => c.Pools).Select(p => p.PricePerDeviceHour).ToList();
        var meanPrice = prices.Count == 0 ? 1m : Math.Max(prices.Average(), 0.01m);
        var vouchers = await db.Vouchers.ToListAsync(cancellationToken);
        var weights = vouchers.GroupBy(v => v.OrganisationId).ToDictionary(g => g.Key,
            g => Math.Max(1, (double)g.Sum(v => v.Unit == VoucherUnit.DeviceHours ? v.Amount : v.Amount / meanPrice)));
        return (used, weights);
    }

    /// <summary>An engine's label, for a state reason (engines are registered in code, each with its label).</summary>
    internal static ProblemMessage EngineName(string engine) => ProblemMessage.Of("compute.engine." + engine);

    // An engine's error (sbatch's output, say) can be long; the state reason's column holds 1,000 characters.
    private static string Shortened(string message) => message.Length <= 400 ? message : message[..400] + "…";

    public static JobDemand ToDemand(RequestRecord r) => new(
        r.Id, r.OrganisationId,
        r.Accelerators.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        r.MinTflops, r.MinMemoryGb, r.Devices, TimeSpan.FromHours(r.EstimatedHours), r.SubmittedAt, r.EarliestStart, r.Deadline,
        r.DataCity, r.MaxLatencyMs, r.Budget);
}
