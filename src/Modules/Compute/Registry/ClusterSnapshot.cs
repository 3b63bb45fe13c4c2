using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Localization;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>The registry as the scheduler sees it: centres with their pools and latencies.</summary>
internal static class ClusterSnapshot
{
    public static async Task<IReadOnlyList<CentreSpec>> LoadAsync(ComputeDb db, CancellationToken cancellationToken)
    {
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var latencies = (await db.Latencies.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(l => l.CentreId);
        return [.. centres.Select(c => ToSpec(c, latencies[c.Id]))];
    }

    public static CentreSpec ToSpec(CentreRecord c, IEnumerable<LatencyRecord> latencies) => new(
        c.Id,
        c.NameEn,
        c.CitySlug,
        c.Up,
        [.. c.Pools.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new PoolSpec(p.Id, p.Name, p.Accelerator, p.Devices, p.Fp16Tflops, p.MemoryGb, p.PricePerDeviceHour, p.Engine))],
        latencies.ToDictionary(l => l.CitySlug, l => l.Milliseconds, StringComparer.Ordinal),
        LocalizedText.Of(c.NameZh, c.NameEn));
}
