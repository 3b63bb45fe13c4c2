using Funeng.Index.Indicators;
using Funeng.Index.Observations;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Progress;

/// <summary>
/// A target and where it stands, with the figure behind the latest value (its date is the date of the latest data).
/// <paramref name="Series"/> is read as the target counts (a cumulative target over per-year counts is their running
/// total); <paramref name="Registry"/> is a registry count shown beside a reported figure, never in its place.
/// </summary>
internal sealed record TargetProgress(PolicyTarget Target, ProgressAssessment Assessment, Figure? LatestFigure, IReadOnlyList<Figure> Series, Figure? Registry = null)
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
            var series = Counted(t, book.Series(t.Indicator, t.Scope));
            var assessment = ProgressRule.Assess(t, series.Select(f => new YearValue(f.Year, f.Value)).ToList());
            var latest = assessment.Latest is null ? null : series.LastOrDefault(f => f.Year == assessment.Latest.Year);
            // Live counts are as of now; give them today's date so "latest data" is honest.
            if (latest is { Origin: FigureOrigin.Live })
            {
                latest = latest with { EnteredAt = now };
            }

            return new TargetProgress(t, assessment, latest, series, book.Registry(t.Indicator, t.Scope));
        }).OrderByDescending(p => p.Target.Headline).ThenBy(p => p.Target.Year).ThenBy(p => p.Target.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The series as <paramref name="target"/> counts it. A cumulative target over an indicator whose values count one
    /// year each adds them up from the year its policy took effect ("500 scenarios by 2027" counts 2025's and 2026's
    /// together); a level, a per-period target or an indicator that is already a running level is read as it is.
    /// </summary>
    public static IReadOnlyList<Figure> Counted(PolicyTarget target, IReadOnlyList<Figure> series)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(series);
        if (target.Counting != TargetCounting.Cumulative || IndicatorCatalog.Find(target.Indicator) is not { PerPeriod: true })
        {
            return series;
        }

        var from = target.ValidFrom?.Year ?? int.MinValue;
        var running = new List<Figure>();
        var total = 0m;
        var parts = new List<Figure>();
        foreach (var figure in series.Where(f => f.Year >= from).OrderBy(f => f.Year))
        {
            total += figure.Value;
            parts.Add(figure);
            running.Add(figure with { Value = total, Source = string.Join("; ", figure.Source, "index.source.running-total"), Parts = parts.ToList(), Other = null });
        }

        return running;
    }
}
