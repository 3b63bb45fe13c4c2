using Funeng.Compute.Data;
using Funeng.Compute.Registry;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Live;

/// <summary>Installed EFLOPS (compute_capacity) per city and for the province, and device-hours placed this year.</summary>
internal sealed class ComputeLiveIndicators(ComputeDb db, TimeProvider time) : ILiveIndicatorSource
{
    public const string DeviceHoursIndicator = "compute_device_hours";

    public async Task<IReadOnlyList<LiveObservation>> ReadAsync(CancellationToken cancellationToken)
    {
        var year = time.GetUtcNow().Year;
        var centres = await db.Centres.AsNoTracking().Include(c => c.Pools).ToListAsync(cancellationToken);
        const string source = "compute.source.capacity"; // a strings.json key: Index shows it in the reader's language
        var observations = new List<LiveObservation>();
        // An empty registry means "no data yet", not "no compute in Guangdong": say nothing rather than zero,
        // so that a reported provincial figure is not overridden by an install that has registered no centre.
        if (centres.Any(c => c.Pools.Count > 0))
        {
            observations.Add(new(Capacity.Indicator, GuangdongCities.ProvinceScope, year, (decimal)centres.SelectMany(c => c.Pools).Sum(Capacity.Eflops), source));
        }

        observations.AddRange(centres.GroupBy(c => c.CitySlug).Select(g =>
            new LiveObservation(Capacity.Indicator, GuangdongCities.CityScopePrefix + g.Key, year, (decimal)g.SelectMany(c => c.Pools).Sum(Capacity.Eflops), source)));

        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var placements = await db.Placements.AsNoTracking().Where(p => p.DeviceHours > 0 && p.PlannedStart >= start).Select(p => new { p.CentreId, p.DeviceHours }).ToListAsync(cancellationToken);
        var cityOf = centres.ToDictionary(c => c.Id, c => c.CitySlug);
        const string usage = "compute.source.device-hours";
        observations.Add(new(DeviceHoursIndicator, GuangdongCities.ProvinceScope, year, (decimal)placements.Sum(p => p.DeviceHours), usage));
        observations.AddRange(placements.GroupBy(p => cityOf.GetValueOrDefault(p.CentreId, "")).Where(g => g.Key.Length > 0)
            .Select(g => new LiveObservation(DeviceHoursIndicator, GuangdongCities.CityScopePrefix + g.Key, year, (decimal)g.Sum(p => p.DeviceHours), usage)));
        return observations;
    }
}
