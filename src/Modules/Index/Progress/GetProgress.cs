using Funeng.Index.Observations;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Index.Progress;

/// <summary>
/// One target's progress. <c>Grade</c> is the latest figure's evidence grade; <c>Registry</c>* is a registry count
/// shown beside the reported figure (never replacing it), with its year and its difference from the reported value.
/// </summary>
internal sealed record ProgressDto(string TargetId, string Indicator, string Scope, int? Year, TargetKind Kind, Comparator Comparator, decimal TargetValue, bool Headline,
    ProgressStatus Status, decimal? Goal, decimal? Expected, int? BaselineYear, decimal? Baseline, int? LatestYear, decimal? Latest, DateTimeOffset? LatestDataAsOf, string? LatestSource, bool Invented,
    TargetCounting Counting, EvidenceGrade? Grade, decimal? Registry, int? RegistryYear, decimal? RegistryDifference);

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
            p.Assessment.Latest?.Year, p.Assessment.Latest?.Value, p.LatestFigure?.AsOf, p.LatestFigure?.Source, p.Series.Any(f => f.Invented),
            p.Target.Counting, p.LatestFigure?.Grade, p.Registry?.Value, p.Registry?.Year, p.Registry?.Difference)).ToList();
        return TypedResults.Ok(rows);
    }
}
