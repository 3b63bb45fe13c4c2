using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>A centre with its pools, latencies and capacity.</summary>
internal sealed record CentreView(
    Guid Id,
    string NameZh,
    string NameEn,
    Guid OperatorOrganisationId,
    string City,
    string Region,
    CentreTier Tier,
    bool Up,
    bool IsDemo,
    double Eflops,
    IReadOnlyList<PoolRecord> Pools,
    IReadOnlyDictionary<string, double> LatencyMs)
{
    public static async Task<IReadOnlyList<CentreView>> LoadAsync(ComputeDb db, CancellationToken cancellationToken)
    {
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var latencies = (await db.Latencies.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(l => l.CentreId);
        return [.. centres.Select(c => new CentreView(c.Id, c.NameZh, c.NameEn, c.OperatorOrganisationId, c.CitySlug, GuangdongRegions.Of(c.CitySlug), c.Tier, c.Up, c.IsDemo,
            c.Pools.Sum(Capacity.Eflops), [.. c.Pools.OrderBy(p => p.Name, StringComparer.Ordinal)],
            latencies[c.Id].OrderBy(l => l.Milliseconds).ToDictionary(l => l.CitySlug, l => l.Milliseconds, StringComparer.Ordinal)))];
    }
}
