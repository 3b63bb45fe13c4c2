using System.Text.Json.Serialization;

namespace Funeng.Compute.Scheduling;

/// <summary>How the office wants requests placed.</summary>
internal enum PlacementPolicy
{
    /// <summary>Baseline: requests in arrival order, first centre in the registry that fits, no backfilling.</summary>
    Fifo,

    /// <summary>The lowest cost, then the earliest finish.</summary>
    Cheapest,

    /// <summary>The earliest finish, then the lowest cost.</summary>
    EarliestFinish,

    /// <summary>The lowest latency to the data's city (within the bound), then the earliest finish.</summary>
    DataLocality,

    /// <summary>Enterprises least served relative to their voucher weight go first; each takes the earliest finish.</summary>
    FairShare,
}

/// <summary>The tier of a compute centre in the national compute network.</summary>
internal enum CentreTier
{
    NationalHub,
    Provincial,
    UrbanEdge,
}

/// <summary>A pool of identical accelerators in a centre, as the scheduler sees it.</summary>
internal sealed record PoolSpec(
    Guid Id,
    string Name,
    string Accelerator,
    int Devices,
    double Fp16Tflops,
    double MemoryGb,
    decimal PricePerDeviceHour,
    string Engine);

/// <summary>A centre, its pools and its latency (ms) to each city it has a figure for.</summary>
internal sealed record CentreSpec(
    Guid Id,
    string Name,
    string City,
    bool Up,
    IReadOnlyList<PoolSpec> Pools,
    IReadOnlyDictionary<string, double> LatencyMs)
{
    public string Region => GuangdongRegions.Of(City);
}

/// <summary>What a job needs. Duration is on a device of <see cref="ReferenceTflops"/>, if given; faster devices finish sooner.</summary>
internal sealed record JobDemand(
    Guid Id,
    Guid Enterprise,
    IReadOnlyList<string> Accelerators,
    double? MinTflops,
    double? MinMemoryGb,
    int Devices,
    TimeSpan Duration,
    DateTimeOffset Submitted,
    DateTimeOffset EarliestStart,
    DateTimeOffset? Deadline,
    string DataCity,
    double? MaxLatencyMs,
    decimal? Budget,
    double? ReferenceTflops = null);

/// <summary>Where a job was put, when, at what cost, and why.</summary>
internal sealed record Placement(
    Guid JobId,
    Guid CentreId,
    Guid PoolId,
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal Cost,
    double DeviceHours,
    PlacementExplanation Explanation);

/// <summary>Why a job went where it went, and why every other centre did not get it.</summary>
internal sealed record PlacementExplanation(
    string Policy,
    string? ChosenCentre,
    string? ChosenPool,
    string Reason,
    IReadOnlyList<RejectedCentre> Rejected);

/// <summary>
/// A centre the job was not placed on, and why (a stable code and a readable detail). The scheduler words the
/// detail only when it is read: most explanations of a busy round are never shown, and formatting them cost more
/// than placing the job.
/// </summary>
internal sealed class RejectedCentre
{
    private readonly Func<string>? _word;
    private string? _detail;

    [JsonConstructor]
    public RejectedCentre(string centre, string code, string detail)
    {
        (Centre, Code, _detail) = (centre, code, detail);
    }

    internal RejectedCentre(string centre, string code, Func<string> word)
    {
        (Centre, Code, _word) = (centre, code, word);
    }

    public string Centre { get; }

    public string Code { get; }

    public string Detail => _detail ??= _word?.Invoke() ?? "";

    public override string ToString() => $"{Centre}: {Code} ({Detail})";
}
