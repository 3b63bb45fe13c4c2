using Funeng.Index.Observations;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Progress;

/// <summary>A target and where it stands, with the figure behind the latest value (its date is the date of the latest data).</summary>
internal sealed record TargetProgress(PolicyTarget Target, ProgressAssessment Assessment, Figure? LatestFigure, IReadOnlyList<Figure> Series)
{
    /// <summary>Latest value as a share of the goal, 0–100, for a progress bar.</summary>
    public double PercentOfGoal => Assessment.Latest is null || Assessment.Goal is not > 0 ? 0
        : Target.Comparator == Comparator.AtMost ? Math.Min(100, (double)(Assessment.Goal.Value / Math.Max(Assessment.Latest.Value, 0.0001m)) * 100)
        : Math.Min(100, (double)(Assessment.Latest.Value / Assessment.Goal.Value) * 100);
}

/// <summary>Every goal and quota of the policy pack against its indicator's values.</summary>
internal static class TrackProgress
{
    public static IReadOnlyList<TargetProgress> Assess(IEnumerable<PolicyTarget> targets, ValueBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        return targets.Where(t => t.Kind != TargetKind.Cap).Select(t =>
        {
            var series = book.Series(t.Indicator, t.Scope);
            var assessment = ProgressRule.Assess(t, series.Select(f => new YearValue(f.Year, f.Value)).ToList());
            var latest = assessment.Latest is null ? null : series.LastOrDefault(f => f.Year == assessment.Latest.Year);
            // Live counts are as of now; give them today's date so "latest data" is honest.
            if (latest is { Origin: FigureOrigin.Live })
            {
                latest = latest with { EnteredAt = now };
            }

            return new TargetProgress(t, assessment, latest, series);
        }).OrderByDescending(p => p.Target.Headline).ThenBy(p => p.Target.Year).ThenBy(p => p.Target.Id, StringComparer.Ordinal).ToList();
    }
}
