namespace Funeng.Scenarios.Challenges;

/// <summary>How scores are combined: pure functions, tested without a host.</summary>
internal static class Scoring
{
    public const decimal MaxScore = 100m;

    /// <summary>One expert's score of an entry: the weighted mean of the criterion scores (each 0–100), to 2 decimals.</summary>
    public static decimal Weighted(IReadOnlyList<(decimal Weight, decimal Score)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var weights = scores.Sum(s => s.Weight);
        if (scores.Count == 0 || weights <= 0)
        {
            throw new ArgumentException("A weighted score needs at least one criterion with a positive weight.", nameof(scores));
        }

        return Math.Round(scores.Sum(s => s.Weight * s.Score) / weights, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Each criterion's share of an entry's score in percent, to one decimal: weights are relative (60 and 40, or 3
    /// and 2, both give 60 % and 40 %), so the form states the share rather than the raw weight, which read as
    /// maximum points.
    /// </summary>
    public static IReadOnlyList<decimal> WeightShares(IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = weights.Sum();
        return total <= 0 ? weights.Select(_ => 0m).ToList() : weights.Select(w => Math.Round(w * 100m / total, 1, MidpointRounding.AwayFromZero)).ToList();
    }

    /// <summary>
    /// How many scores <see cref="TrimmedMean"/> drops from each end: none below three scores; from three on,
    /// one fifth of the scores (rounded down) but at least one — the familiar "drop the highest and the lowest",
    /// widening for large panels so that one outlier in five cannot move the result.
    /// </summary>
    public static int TrimCount(int n) => n < 3 ? 0 : Math.Max(1, n / 5);

    /// <summary>The trimmed mean of the panel's scores (see <see cref="TrimCount"/>), to 4 decimals.</summary>
    public static decimal TrimmedMean(IReadOnlyCollection<decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("No scores to aggregate.", nameof(scores));
        }

        var k = TrimCount(scores.Count);
        var kept = scores.Order().Skip(k).Take(scores.Count - (2 * k)).ToList();
        return Math.Round(kept.Average(), 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>A ranked entry: its trimmed mean, then its plain mean, then the earlier submission breaks ties.</summary>
    internal sealed record Candidate(Guid EntryId, IReadOnlyCollection<decimal> Scores, DateTimeOffset SubmittedAt);

    public static IReadOnlyList<(Guid EntryId, int Rank, decimal Score)> Rank(IEnumerable<Candidate> candidates) =>
        candidates
            .Select(c => (c.EntryId, Score: TrimmedMean(c.Scores), Mean: c.Scores.Average(), c.SubmittedAt))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Mean).ThenBy(c => c.SubmittedAt)
            .Select((c, i) => (c.EntryId, i + 1, c.Score))
            .ToList();
}
