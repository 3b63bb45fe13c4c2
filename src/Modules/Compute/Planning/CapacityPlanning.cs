using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Compute.Planning;

/// <summary>One compute request as demand: the city where its data lives, when it wanted to start, for how long, on how many devices.</summary>
internal sealed record DemandRequest(string City, DateTimeOffset Start, double Hours, int Devices);

/// <summary>A city's registered capacity: devices and EFLOPS (dense FP16) in its centres' pools.</summary>
internal sealed record CityCapacity(string City, int Devices, double Eflops);

/// <summary>
/// One scope (a city or the province) in one month (China Standard Time): the device-hours asked for, the device-hours
/// its registered devices offer, and the shortfall (demand above capacity, else 0).
/// </summary>
internal sealed record ScopeMonth(string Scope, ChinaMonth Month, double DemandDeviceHours, double CapacityDeviceHours, int Requests)
{
    public double ShortfallDeviceHours => Math.Max(0, DemandDeviceHours - CapacityDeviceHours);

    public bool IsShort => DemandDeviceHours > CapacityDeviceHours;
}

/// <summary>A compute-capacity target of the pack (as reported there, with its measure) against the registry's EFLOPS in its scope.</summary>
internal sealed record TargetGap(PolicyTarget Target, double InstalledEflops)
{
    /// <summary>EFLOPS still to install to reach the target; 0 once reached.</summary>
    public double GapEflops => Math.Max(0, (double)Target.Value - InstalledEflops);
}

/// <summary>The plan: the months covered, every scope's months (province first), the scopes short in some month, and the target gaps.</summary>
internal sealed record CapacityPlan(IReadOnlyList<ChinaMonth> Months, IReadOnlyList<ScopeMonth> Rows, IReadOnlyList<TargetGap> Gaps, bool Truncated)
{
    public IEnumerable<string> Scopes => Rows.Select(r => r.Scope).Distinct();

    public IEnumerable<ScopeMonth> Shortfalls => Rows.Where(r => r.IsShort);
}

/// <summary>
/// Replays the platform's compute request history against the registered capacity, month by month and city by city
/// (issue 17 item 4). A request's device-hours fall in the months (China Standard Time) it would run in from its
/// earliest start, split at month boundaries; a month's capacity is its hours times the registered devices. A city is
/// the request's data city for demand and the centre's city for capacity; the province row pools both, since the
/// scheduler places across cities. The registry keeps no history, so today's devices stand for every month.
/// </summary>
internal static class CapacityPlanning
{
    /// <summary>A page shows at most five years of months; longer histories keep their latest months.</summary>
    public const int MaxMonths = 60;

    public static CapacityPlan Plan(IReadOnlyList<DemandRequest> requests, IReadOnlyList<CityCapacity> capacity, IReadOnlyList<PolicyTarget> targets)
    {
        var demand = new Dictionary<(string Scope, ChinaMonth Month), (double DeviceHours, int Requests)>();
        foreach (var request in requests.Where(r => r.Hours > 0 && r.Devices > 0))
        {
            foreach (var (month, hours) in HoursByMonth(request.Start, request.Hours))
            {
                foreach (var scope in new[] { GuangdongCities.CityScopePrefix + request.City, GuangdongCities.ProvinceScope })
                {
                    var (deviceHours, count) = demand.GetValueOrDefault((scope, month));
                    demand[(scope, month)] = (deviceHours + hours * request.Devices, count + 1);
                }
            }
        }

        var asked = demand.Keys.Select(k => k.Month).Distinct().Order().ToList();
        var months = asked.Count == 0 ? [] : Between(asked[0], asked[^1]);
        var truncated = months.Count > MaxMonths;
        months = [.. months.TakeLast(MaxMonths)];
        var devices = capacity.GroupBy(c => GuangdongCities.CityScopePrefix + c.City).ToDictionary(g => g.Key, g => g.Sum(c => c.Devices));
        devices[GuangdongCities.ProvinceScope] = capacity.Sum(c => c.Devices);
        var scopes = new[] { GuangdongCities.ProvinceScope }
            .Concat(demand.Keys.Select(k => k.Scope).Concat(devices.Keys).Where(s => s != GuangdongCities.ProvinceScope).Distinct().Order(StringComparer.Ordinal));
        var rows = (from scope in scopes
                    from month in months
                    let wanted = demand.GetValueOrDefault((scope, month))
                    select new ScopeMonth(scope, month, wanted.DeviceHours, devices.GetValueOrDefault(scope) * month.Hours, wanted.Requests)).ToList();

        var eflops = capacity.GroupBy(c => GuangdongCities.CityScopePrefix + c.City).ToDictionary(g => g.Key, g => g.Sum(c => c.Eflops));
        eflops[GuangdongCities.ProvinceScope] = capacity.Sum(c => c.Eflops);
        var gaps = targets.Where(t => t.Unit == TargetUnit.Eflops)
            .OrderBy(t => t.Scope != GuangdongCities.ProvinceScope).ThenBy(t => t.Scope, StringComparer.Ordinal).ThenBy(t => t.Year)
            .Select(t => new TargetGap(t, eflops.GetValueOrDefault(t.Scope))).ToList();
        return new CapacityPlan(months, rows, gaps, truncated);
    }

    /// <summary>The hours a job running <paramref name="hours"/> from <paramref name="start"/> spends in each month, in China time.</summary>
    public static IEnumerable<(ChinaMonth Month, double Hours)> HoursByMonth(DateTimeOffset start, double hours)
    {
        var at = ChinaTime.ToChina(start);
        var left = hours;
        while (left > 0)
        {
            var month = new ChinaMonth(at.Year, at.Month);
            var here = Math.Min(left, (month.Next.FirstDay - at).TotalHours);
            yield return (month, here);
            left -= here;
            at = month.Next.FirstDay;
        }
    }

    /// <summary>Every month from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    private static List<ChinaMonth> Between(ChinaMonth first, ChinaMonth last)
    {
        var months = new List<ChinaMonth>();
        for (var at = first; at.CompareTo(last) <= 0; at = at.Next)
        {
            months.Add(at);
        }

        return months;
    }
}
