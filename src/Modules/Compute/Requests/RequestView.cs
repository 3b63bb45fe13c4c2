using Funeng.Compute.Data;
using Funeng.Compute.Scheduling;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Requests;

/// <summary>
/// A request as its enterprise sees it: state, where it runs, and why there. The reasons are messages worded in the
/// reader's language (the API writes them as text in the request's culture); <see cref="StateReasonCode"/> and the
/// explanation's codes are what clients key on. Read by <see cref="RequestQueries"/>.
/// </summary>
internal sealed record RequestView(
    Guid Id,
    string Title,
    RequestState State,
    ProblemMessage? StateReason,
    int Devices,
    double EstimatedHours,
    string DataCity,
    string? Sector,
    DateTimeOffset SubmittedAt,
    int Attempts,
    PlacementView? Placement,
    PlacementExplanation? Explanation,
    string JobTemplate,
    IReadOnlyDictionary<string, string> JobArguments)
{
    /// <summary>The state reason's key without Compute's prefix (<c>state-reason.centre-down</c>, <c>explain.over-budget</c>, …).</summary>
    public string? StateReasonCode => StateReason?.Key?["compute.".Length..];
}

/// <summary>The placement a request has (or last had).</summary>
internal sealed record PlacementView(
    Guid Id,
    Guid CentreId,
    string CentreZh,
    string CentreEn,
    string Pool,
    string Accelerator,
    string Policy,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    decimal Cost,
    double DeviceHours,
    string Engine,
    string? ExternalId,
    bool Active);
