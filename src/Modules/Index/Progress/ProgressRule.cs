using Funeng.Policy.Contracts;

namespace Funeng.Index.Progress;

internal enum ProgressStatus
{
    /// <summary>The latest value already meets the target.</summary>
    Met,

    /// <summary>At or ahead of the straight line from the baseline to the target.</summary>
    OnTrack,

    /// <summary>Behind the line but with at least 80 % of the progress it asks for by now.</summary>
    AtRisk,

    /// <summary>Less than 80 % of the expected progress, or the target year passed unmet.</summary>
    OffTrack,

    /// <summary>One value only: there is a baseline but no trend yet.</summary>
    BaselineOnly,

    /// <summary>No value yet.</summary>
    NoData,
}

/// <summary>A value in time: the year it describes.</summary>
internal sealed record YearValue(int Year, decimal Value);

/// <summary>Where a target stands. <paramref name="Expected"/> is the trajectory's value in the latest data year.</summary>
internal sealed record ProgressAssessment(ProgressStatus Status, YearValue? Baseline, YearValue? Latest, decimal? Goal, decimal? Expected, double? ShareOfExpected);

/// <summary>
/// The progress rule (docs/decisions/0005-empowerment-index.md): a goal's trajectory is the straight line from its
/// baseline (the earliest value before the target year) to the target value in the target year. In the latest
/// data year the line expects E; the value reached is A. For "more / at least" targets the share of expected
/// progress is (A − baseline) / (E − baseline): ≥ 1 on track, ≥ 0.8 at risk, below that off track; a value
/// already meeting the target is met. "At most" targets mirror it. Quotas (at most N a year) compare the year's
/// count with the quota: within it is on track, over it off track.
/// </summary>
internal static class ProgressRule
{
    public const double AtRiskShare = 0.8;

    public static ProgressAssessment Assess(PolicyTarget target, IReadOnlyList<YearValue> series)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(series);
        var ordered = series.OrderBy(v => v.Year).ToList();
        if (target.Kind == TargetKind.Quota)
        {
            return AssessQuota(target, ordered);
        }

        var targetYear = target.Year ?? int.MaxValue;
        var latest = ordered.LastOrDefault(v => v.Year <= targetYear) ?? ordered.LastOrDefault();
        if (latest is null)
        {
            return new ProgressAssessment(ProgressStatus.NoData, null, null, null, null, null);
        }

        var baseline = ordered[0];
        var goal = target.Comparator == Comparator.MultipleOfBaseline ? baseline.Value * target.Value : target.Value;
        var lowerIsBetter = target.Comparator == Comparator.AtMost;
        if (Meets(latest.Value, goal, target.Comparator))
        {
            return new ProgressAssessment(ProgressStatus.Met, baseline, latest, goal, null, 1);
        }

        if (baseline.Year == latest.Year || target.Year is null)
        {
            return new ProgressAssessment(ProgressStatus.BaselineOnly, baseline, latest, goal, null, null);
        }

        if (latest.Year >= targetYear)
        {
            return new ProgressAssessment(ProgressStatus.OffTrack, baseline, latest, goal, goal, null);
        }

        var elapsed = (decimal)(latest.Year - baseline.Year) / (targetYear - baseline.Year);
        var expected = baseline.Value + ((goal - baseline.Value) * elapsed);
        var expectedGain = lowerIsBetter ? baseline.Value - expected : expected - baseline.Value;
        var gain = lowerIsBetter ? baseline.Value - latest.Value : latest.Value - baseline.Value;
        var share = expectedGain <= 0 ? 1 : (double)(gain / expectedGain);
        var status = share >= 1 ? ProgressStatus.OnTrack : share >= AtRiskShare ? ProgressStatus.AtRisk : ProgressStatus.OffTrack;
        return new ProgressAssessment(status, baseline, latest, goal, expected, share);
    }

    private static ProgressAssessment AssessQuota(PolicyTarget target, List<YearValue> ordered)
    {
        var latest = ordered.LastOrDefault();
        if (latest is null)
        {
            return new ProgressAssessment(ProgressStatus.NoData, null, null, target.Value, null, null);
        }

        var within = Meets(latest.Value, target.Value, target.Comparator);
        return new ProgressAssessment(within ? ProgressStatus.OnTrack : ProgressStatus.OffTrack, null, latest, target.Value, null, null);
    }

    public static bool Meets(decimal value, decimal goal, Comparator comparator) => comparator switch
    {
        Comparator.MoreThan => value > goal,
        Comparator.AtMost => value <= goal,
        Comparator.Exactly => value >= goal,
        _ => value >= goal,
    };
}
