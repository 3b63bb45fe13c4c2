using Funeng.Scenarios.Challenges;

namespace Funeng.Scenarios.Tests.Challenges;

public sealed class ScoringTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(15, 3)]
    public void Trims_one_fifth_from_each_end_but_at_least_one_from_three_scores(int n, int trimmed) =>
        Assert.Equal(trimmed, Scoring.TrimCount(n));

    [Fact]
    public void Drops_the_highest_and_the_lowest_of_five() =>
        Assert.Equal(80m, Scoring.TrimmedMean([10m, 78m, 80m, 82m, 100m]));

    [Fact]
    public void Two_scores_are_averaged_plainly() =>
        Assert.Equal(75m, Scoring.TrimmedMean([70m, 80m]));

    [Fact]
    public void One_outlier_among_three_cannot_move_the_result() =>
        Assert.Equal(80m, Scoring.TrimmedMean([81m, 80m, 0m]));

    [Fact]
    public void An_empty_panel_has_no_mean() =>
        Assert.Throws<ArgumentException>(() => Scoring.TrimmedMean([]));

    [Fact]
    public void Weights_are_relative() =>
        Assert.Equal(Scoring.Weighted([(60m, 90m), (40m, 70m)]), Scoring.Weighted([(3m, 90m), (2m, 70m)]));

    [Fact]
    public void A_weighted_score_is_rounded_to_two_decimals() =>
        Assert.Equal(66.67m, Scoring.Weighted([(1m, 100m), (2m, 50m)]));

    [Fact]
    public void Ranking_breaks_a_tie_on_the_trimmed_mean_by_the_plain_mean_then_by_submission_time()
    {
        var early = DateTimeOffset.Parse("2026-05-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var a = new Scoring.Candidate(Guid.NewGuid(), [70m, 80m, 90m], early.AddHours(2));
        var b = new Scoring.Candidate(Guid.NewGuid(), [65m, 80m, 99m], early.AddHours(1));
        var c = new Scoring.Candidate(Guid.NewGuid(), [70m, 80m, 90m], early);
        var ranking = Scoring.Rank([a, b, c]);
        Assert.Equal([b.EntryId, c.EntryId, a.EntryId], ranking.Select(r => r.EntryId));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
        Assert.All(ranking, r => Assert.Equal(80m, r.Score));
    }
}
