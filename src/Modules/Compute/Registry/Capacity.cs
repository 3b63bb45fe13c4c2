using Funeng.Compute.Data;
using Funeng.Kernel.Geography;
using Funeng.Policy.Contracts;

namespace Funeng.Compute.Registry;

/// <summary>Installed capacity of one scope against the policy pack's compute_capacity targets for it.</summary>
internal sealed record ScopeCapacity(string Scope, string NameZh, string NameEn, double Eflops, int Devices, IReadOnlyList<CapacityTarget> Targets);

internal sealed record CapacityTarget(string Id, int? Year, Comparator Comparator, decimal Value, TargetUnit Unit, double Progress);

/// <summary>
/// Rolls pool capacity up to EFLOPS per city and for the province. A device counts with its dense FP16/BF16
/// TFLOPS, the way intelligent-computing capacity (智能算力) is usually quoted; 1 EFLOPS = 10^6 TFLOPS.
/// </summary>
internal static class Capacity
{
    public const string Indicator = "compute_capacity";

    public static double Eflops(PoolRecord pool) => pool.Devices * pool.Fp16Tflops / 1_000_000d;

    /// <summary>The province first, then each city with a centre, by slug (the centres come from <see cref="RegistryQueries.CapacityAsync"/>).</summary>
    public static IReadOnlyList<ScopeCapacity> ByScope(IReadOnlyList<CentreRecord> centres, IReadOnlyList<PolicyTarget> targets)
    {
        var scopes = new List<ScopeCapacity> { Build(GuangdongCities.ProvinceScope, centres, targets) };
        scopes.AddRange(centres.Select(c => c.CitySlug).Distinct().Order(StringComparer.Ordinal)
            .Select(city => Build(GuangdongCities.CityScopePrefix + city, centres.Where(c => c.CitySlug == city), targets)));
        return scopes;
    }

    private static ScopeCapacity Build(string scope, IEnumerable<CentreRecord> centres, IReadOnlyList<PolicyTarget> targets)
    {
        var pools = centres.SelectMany(c => c.Pools).ToList();
        var eflops = pools.Sum(Eflops);
        var name = GuangdongCities.ScopeName(scope);
        return new ScopeCapacity(scope, name.Zh, name.En, eflops, pools.Sum(p => p.Devices),
            [.. targets.Where(t => t.Scope == scope && t.Unit == TargetUnit.Eflops).OrderBy(t => t.Year)
                .Select(t => new CapacityTarget(t.Id, t.Year, t.Comparator, t.Value, t.Unit, t.Value == 0 ? 0 : eflops / (double)t.Value))]);
    }
}
