using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;

namespace Funeng.Compute.Registry;

/// <summary>A centre with its pools, latencies and capacity (read by <see cref="RegistryQueries.CentresAsync"/>).</summary>
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
    IReadOnlyDictionary<string, double> LatencyMs);
