using Funeng.Index.Observations;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Index.Progress;

internal sealed record ProgressDto(string TargetId, string Indicator, string Scope, int? Year, TargetKind Kind, Comparator Comparator, decimal TargetValue, bool Headline,
    ProgressStatus Status, decimal? Goal, decimal? Expected, int? BaselineYear, decimal? Baseline, int? LatestYear, decimal? Latest, DateTimeOffset? LatestDataAsOf, string? LatestSource, bool Invented);

/// <summary><c>GET /api/v1/index/progress?year=&amp;scope=</c>: every goal and quota, on track / at risk / off track.</summary>
internal static class GetProgress
{
    public static async Task<Ok<IReadOnlyList<ProgressDto>>> HandleAsync(int? year, string? scope, IPolicyQueries policy, IndicatorValues values, TimeProvider clock, CancellationToken cancellationToken)
    {
        var targets = await policy.ListTargetsAsync(new TargetFilter(year, scope), cancellationToken);
        var book = await values.LoadAsync(cancellationToken);
        IReadOnlyList<ProgressDto> rows = TrackProgress.Assess(targets, book, clock.GetUtcNow()).Select(p => new ProgressDto(
            p.Target.Id, p.Target.Indicator, p.Target.Scope, p.Target.Year, p.Target.Kind, p.Target.Comparator, p.Target.Value, p.Target.Headline,
            p.Assessment.Status, p.Assessment.Goal, p.Assessment.Expected, p.Assessment.Baseline?.Year, p.Assessment.Baseline?.Value,
            p.Assessment.Latest?.Year, p.Assessment.Latest?.Value, p.LatestFigure?.AsOf, p.LatestFigure?.Source, p.Series.Any(f => f.Invented))).ToList();
        return TypedResults.Ok(rows);
    }
}
