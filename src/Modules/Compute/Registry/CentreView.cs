using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Localization;

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
    IReadOnlyList<PoolView> Pools,
    IReadOnlyDictionary<string, double> LatencyMs);

/// <summary>A pool of a centre as the registry page and the API show it (the stored pool's fields, in their order).</summary>
internal sealed record PoolView(Guid Id, Guid CentreId, string Name, string Accelerator, int Devices, double Fp16Tflops, double Fp32Tflops, double MemoryGb,
    string Interconnect, decimal PricePerDeviceHour, string Engine, bool IsDemo)
{
    public static PoolView Of(PoolRecord p) =>
        new(p.Id, p.CentreId, p.Name, p.Accelerator, p.Devices, p.Fp16Tflops, p.Fp32Tflops, p.MemoryGb, p.Interconnect, p.PricePerDeviceHour, p.Engine, p.IsDemo);
}

/// <summary>A centre on its operator's page: its name, whether it is up, and its pools.</summary>
internal sealed record OperatedCentre(Guid Id, LocalizedText Name, bool Up, IReadOnlyList<PoolView> Pools);
