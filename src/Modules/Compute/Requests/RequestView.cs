using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>
/// A request as its enterprise sees it: state, where it runs, and why there. The reasons are messages worded in the
/// reader's language (the API writes them as text in the request's culture); <see cref="StateReasonCode"/> and the
/// explanation's codes are what clients key on.
/// </summary>
internal sealed record RequestView(
    Guid Id,
    string Title,
    RequestState State,
    ProblemMessage? StateReason,
    int Devices,
    double EstimatedHours,
    string DataCity,
    string? Sector,
    DateTimeOffset SubmittedAt,
    int Attempts,
    PlacementView? Placement,
    PlacementExplanation? Explanation,
    string JobTemplate,
    IReadOnlyDictionary<string, string> JobArguments)
{
    /// <summary>The state reason's key without Compute's prefix (<c>state-reason.centre-down</c>, <c>explain.over-budget</c>, …).</summary>
    public string? StateReasonCode => StateReason?.Key?["compute.".Length..];

    public static async Task<RequestView?> LoadAsync(ComputeDb db, Guid id, CancellationToken cancellationToken) =>
        (await LoadManyAsync(db, db.Requests.Where(r => r.Id == id), cancellationToken)).SingleOrDefault();

    public static async Task<IReadOnlyList<RequestView>> LoadManyAsync(ComputeDb db, IQueryable<RequestRecord> query, CancellationToken cancellationToken)
    {
        var requests = await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.Id).ToList();
        var placements = (await db.Placements.AsNoTracking().Where(p => ids.Contains(p.RequestId)).ToListAsync(cancellationToken))
            .GroupBy(p => p.RequestId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Active).ThenByDescending(p => p.CreatedAt).First());
        var centres = await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Id, cancellationToken);
        var pools = await db.Pools.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. requests.OrderByDescending(r => r.SubmittedAt).Select(r =>
        {
            var p = placements.GetValueOrDefault(r.Id);
            var view = p is null ? null : new PlacementView(p.Id, p.CentreId, centres.GetValueOrDefault(p.CentreId)?.NameZh ?? "?", centres.GetValueOrDefault(p.CentreId)?.NameEn ?? "?",
                pools.GetValueOrDefault(p.PoolId)?.Name ?? "?", pools.GetValueOrDefault(p.PoolId)?.Accelerator ?? "?", p.Policy, p.PlannedStart, p.PlannedEnd,
                p.Cost, p.DeviceHours, p.Engine, p.ExternalId, p.Active);
            var explanation = r.LastExplanation is null ? null : JsonSerializer.Deserialize<PlacementExplanation>(r.LastExplanation, ComputeJson.Options);
            return new RequestView(r.Id, r.Title, r.State, StoredMessages.Read(r.StateReason), r.Devices, r.EstimatedHours, r.DataCity, r.Sector, r.SubmittedAt, r.Attempts, view, explanation,
                r.JobTemplate, Jobs.JobTemplates.ParseStored(r.JobArguments));
        })];
    }
}

/// <summary>The placement a request has (or last had).</summary>
internal sealed record PlacementView(
    Guid Id,
    Guid CentreId,
    string CentreZh,
    string CentreEn,
    string Pool,
    string Accelerator,
    string Policy,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    decimal Cost,
    double DeviceHours,
    string Engine,
    string? ExternalId,
    bool Active);
