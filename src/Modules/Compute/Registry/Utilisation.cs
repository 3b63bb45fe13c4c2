using Funeng.Compute.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Registry;

/// <summary>One centre's load: devices busy now, and the share of its device-hours booked over the next day.</summary>
internal sealed record CentreUtilisation(Guid CentreId, string NameZh, string NameEn, bool Up, int Devices, int BusyNow, double BookedNext24h, int QueuedOrRunningJobs);

internal static class Utilisation
{
    public static async Task<Ok<IReadOnlyList<CentreUtilisation>>> HandleAsync(ComputeDb db, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await BuildAsync(db, time.GetUtcNow(), cancellationToken));

    public static async Task<IReadOnlyList<CentreUtilisation>> BuildAsync(ComputeDb db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        var active = await db.Placements.AsNoTracking().Where(p => p.Active)
            .Join(db.Requests, p => p.RequestId, r => r.Id, (p, r) => new { p.CentreId, p.PlannedStart, p.PlannedEnd, r.Devices }).ToListAsync(cancellationToken);
        var horizon = now.AddHours(24);
        return [.. centres.Select(c =>
        {
            var mine = active.Where(a => a.CentreId == c.Id).ToList();
            var devices = c.Pools.Sum(p => p.Devices);
            var booked = mine.Sum(a => Math.Max(0, (Min(a.PlannedEnd, horizon) - Max(a.PlannedStart, now)).TotalHours) * a.Devices);
            return new CentreUtilisation(c.Id, c.NameZh, c.NameEn, c.Up, devices,
                mine.Where(a => a.PlannedStart <= now && now < a.PlannedEnd).Sum(a => a.Devices),
                devices == 0 ? 0 : booked / (devices * 24d), mine.Count);
        })];
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
