using System.Text.Json.Serialization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

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
    IReadOnlyDictionary<string, double> LatencyMs,
    LocalizedText? Names = null)
{
    public string Region => GuangdongRegions.Of(City);

    /// <summary>The centre's name in both languages, for explanations a person reads (<see cref="Name"/> stays the stable one the API and logs use).</summary>
    public LocalizedText Label => Names ?? new LocalizedText(Name, Name);
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

/// <summary>
/// Why a job went where it went, and why every other centre did not get it. The reason and each rejection's detail
/// are keys of strings.json with their arguments (names, numbers, instants), worded in the reader's language when
/// shown; <see cref="ReasonCode"/> and each rejection's code are the stable codes clients key on.
/// </summary>
internal sealed record PlacementExplanation(
    string Policy,
    string? ChosenCentre,
    string? ChosenPool,
    ProblemMessage Reason,
    IReadOnlyList<RejectedCentre> Rejected)
{
    /// <summary>Placed by the policy's order (<c>best_by_policy</c>), or not placed (<c>no_centre_fits</c>).</summary>
    public string ReasonCode => ChosenCentre is null ? "no_centre_fits" : "best_by_policy";
}

/// <summary>
/// A centre the job was not placed on, and why (a stable code and a detail). The scheduler makes the detail only
/// when it is read, and it is worded into a language only when shown: most explanations of a busy round are never
/// shown, and formatting them cost more than placing the job.
/// </summary>
internal sealed class RejectedCentre
{
    private readonly Func<ProblemMessage>? _make;
    private ProblemMessage? _detail;

    [JsonConstructor]
    public RejectedCentre(string centre, string code, ProblemMessage detail, LocalizedText? centreNames = null)
    {
        (Centre, Code, _detail, CentreNames) = (centre, code, detail, centreNames);
    }

    internal RejectedCentre(CentreSpec centre, string code, Func<ProblemMessage> make)
    {
        (Centre, Code, _make, CentreNames) = (centre.Name, code, make, centre.Label);
    }

    /// <summary>The centre's stable name (the API's key for it).</summary>
    public string Centre { get; }

    /// <summary>The centre's name in both languages, for the page; null in explanations stored before it was kept.</summary>
    public LocalizedText? CentreNames { get; }

    public string Code { get; }

    public ProblemMessage Detail => _detail ??= _make!.Invoke();

    public override string ToString() => $"{Centre}: {Code} ({Detail})";
}
