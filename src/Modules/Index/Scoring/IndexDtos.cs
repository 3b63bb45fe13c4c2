using Funeng.Index.Observations;
using Funeng.Kernel.Localization;

namespace Funeng.Index.Scoring;

internal sealed record RankInterval(int Low, int Median, int High);

internal sealed record CityScoreDto(string City, LocalizedText Name, double? Score, int Rank, RankInterval RankInterval, IReadOnlyDictionary<string, double?> Pillars);

internal sealed record IndicatorTreatmentDto(string Key, string Pillar, double Weight, bool Included, string? Reason, double Coverage, bool LogTransformed);

internal sealed record IndexResponse(
    int Year,
    Normalisation Normalisation,
    Aggregation Aggregation,
    int Draws,
    int Seed,
    bool ContainsInventedData,
    IReadOnlyDictionary<string, double> PillarWeights,
    IReadOnlyList<IndicatorTreatmentDto> Indicators,
    IReadOnlyList<CityScoreDto> Cities)
{
    public static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;

    public static IndexResponse From(CityIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var result = index.Result;
        return new IndexResponse(
            index.Year, result.Method.Normalisation, result.Method.Aggregation, result.Draws, index.Seed, index.ContainsInventedData,
            result.Pillars.ToDictionary(p => p, index.Weights.Pillar),
            result.Indicators.Select(t => new IndicatorTreatmentDto(t.Key, t.Pillar, index.Weights.Indicator(t.Key), t.Included, t.Reason, t.Coverage, t.LogTransformed)).ToList(),
            result.Units.OrderBy(u => u.Rank).ThenBy(u => u.Unit, StringComparer.Ordinal).Select(u => new CityScoreDto(
                u.Unit,
                index.Cities.Single(c => c.Slug == u.Unit).Name,
                Finite(u.Score),
                u.Rank,
                new RankInterval(u.RankLow, u.RankMedian, u.RankHigh),
                result.Pillars.Select((p, k) => (p, k)).ToDictionary(x => x.p, x => Finite(u.PillarScores[x.k])))).ToList());
    }
}

/// <summary>One indicator's part in a city's score: the figure it came from and what it became.</summary>
internal sealed record TraceLine(string Indicator, string Pillar, bool Included, double? Normalised, double Weight, Figure? Figure);

internal sealed record CityTrace(int Year, CityScoreDto City, IReadOnlyList<TraceLine> Lines)
{
    public static CityTrace From(CityIndex index, string slug)
    {
        ArgumentNullException.ThrowIfNull(index);
        var u = index.Cities.ToList().FindIndex(c => c.Slug == slug);
        var score = index.Result.Units[u];
        var lines = index.Indicators.Select((indicator, i) => new TraceLine(
            indicator.Key, indicator.Pillar!, index.Result.Indicators[i].Included, IndexResponse.Finite(score.Normalised[i]),
            index.Weights.Indicator(indicator.Key), index.Figures[u, i])).ToList();
        return new CityTrace(index.Year, IndexResponse.From(index).Cities.Single(c => c.City == slug), lines);
    }
}
