using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Security;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Requests;

/// <summary>Reads of requests as the actor may see them (pages and API), and the office's placement policy.</summary>
internal sealed class RequestQueries(ComputeDb db, IActor actor)
{
    /// <summary>The requests of the actor's organisation, newest first (none without an organisation).</summary>
    public Task<IReadOnlyList<RequestView>> MineAsync(CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? Guid.Empty;
        return LoadAsync(db.Requests.Where(r => r.OrganisationId == organisation), cancellationToken);
    }

    /// <summary>A request with the organisation it belongs to, for that organisation and office staff; null for anyone else or when there is none.</summary>
    public async Task<(RequestView View, Guid OrganisationId)?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var owner = await db.Requests.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        if (owner is not { } organisation || !(actor.BelongsTo(organisation) || actor.IsInRole(Roles.OfficeStaff)))
        {
            return null;
        }

        return (await LoadAsync(db.Requests.Where(r => r.Id == id), cancellationToken)).SingleOrDefault() is { } view ? (view, organisation) : null;
    }

    public Task<PlacementPolicy> PolicyAsync(CancellationToken cancellationToken) => ComputeSettings.PolicyAsync(db, cancellationToken);

    /// <summary>The requests <paramref name="query"/> selects, newest first, each with its latest placement and explanation.</summary>
    private async Task<IReadOnlyList<RequestView>> LoadAsync(IQueryable<RequestRecord> query, CancellationToken cancellationToken)
    {
        var requests = await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = requests.Select(r => r.Id).ToList();
        var placements = (await db.Placements.AsNoTracking().Where(p => ids.Contains(p.RequestId)).ToListAsync(cancellationToken))
            .GroupBy(p => p.RequestId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Active).ThenByDescending(p => p.CreatedAt).First());
        // Only the centres and pools these placements name: the registry grows, one request's page should not read all of it.
        var centreIds = placements.Values.Select(p => p.CentreId).Distinct().ToList();
        var poolIds = placements.Values.Select(p => p.PoolId).Distinct().ToList();
        var centres = await db.Centres.AsNoTracking().Where(c => centreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var pools = await db.Pools.AsNoTracking().Where(p => poolIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
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
