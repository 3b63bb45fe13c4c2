namespace Funeng.Index.Scoring;

/// <summary>
/// How an indicator was treated before scoring. <c>Included</c> is false when it was dropped for the year, with the
/// <c>Reason</c> <c>coverage</c> (fewer than half the units have it) or <c>no_variance</c> (all have the same
/// value); <c>LogTransformed</c> when its distribution was so skewed it was scored on log(1 + x).
/// </summary>
internal sealed record IndicatorTreatment(string Key, string Pillar, bool Included, string? Reason, double Coverage, bool LogTransformed, double Skewness, double Kurtosis);

/// <summary>
/// One unit's (city's) result. <c>PillarScores</c> follow <see cref="IndexResult.Pillars"/> (NaN where the city has
/// none of a pillar's indicators); <c>Normalised</c> follows the input's indicators on 0–100 (NaN where missing or
/// dropped). <c>RankLow</c>/<c>RankMedian</c>/<c>RankHigh</c> are the 5th, 50th and 95th percentile ranks over the
/// random draws.
/// </summary>
internal sealed record UnitScore(string Unit, double Score, int Rank, double[] PillarScores, double[] Normalised, int RankLow, int RankMedian, int RankHigh);

internal sealed record IndexResult(IndexMethod Method, IReadOnlyList<string> Pillars, IReadOnlyList<IndicatorTreatment> Indicators, IReadOnlyList<UnitScore> Units, int Draws);
