using System.Globalization;
using Funeng.Index.Progress;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Pages;

/// <summary>How the Index pages write values, statuses and scores.</summary>
internal static class Display
{
    public static string Value(decimal value, string unit, UiText text) => unit switch
    {
        "device_hours" => TargetText.Scaled(value, "policy.unit.device-hours", text, CultureInfo.CurrentUICulture),
        _ => TargetText.Amount(value, Unit(unit), text, CultureInfo.CurrentUICulture),
    };

    /// <summary>A figure's sources ("; "-separated): keys the modules wrote, in the reader's language; typed sources as typed.</summary>
    public static string Source(string? source, UiText text) =>
        source is null ? "" : string.Join("; ", source.Split("; ").Select(text.KeyOrText));

    public static TargetUnit Unit(string unit) => unit switch
    {
        "eflops" => TargetUnit.Eflops,
        "cny" => TargetUnit.Cny,
        "percent" => TargetUnit.Percent,
        "units" => TargetUnit.Units,
        "vehicles" => TargetUnit.Vehicles,
        "ratio" => TargetUnit.Ratio,
        "milliseconds" => TargetUnit.Milliseconds,
        _ => TargetUnit.Count,
    };

    public static string Score(double score) => double.IsFinite(score) ? score.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string StatusKey(ProgressStatus status) => "index.status." + status switch
    {
        ProgressStatus.Met => "met",
        ProgressStatus.OnTrack => "on-track",
        ProgressStatus.AtRisk => "at-risk",
        ProgressStatus.OffTrack => "off-track",
        ProgressStatus.BaselineOnly => "baseline",
        _ => "no-data",
    };

    public static string StatusClass(ProgressStatus status) => status switch
    {
        ProgressStatus.Met or ProgressStatus.OnTrack => "ok",
        ProgressStatus.AtRisk => "warn",
        ProgressStatus.OffTrack => "bad",
        _ => "none",
    };

    public static string Date(DateTimeOffset? when) => when?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
