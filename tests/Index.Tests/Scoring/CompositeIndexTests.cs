using Funeng.Index.Scoring;

namespace Funeng.Index.Tests.Scoring;

public sealed class CompositeIndexTests
{
    private static readonly PillarWeight[] TwoPillars = [new("a", 1), new("b", 1)];

    // Three cities; pillar a holds x (higher is better) and y (lower is better), pillar b holds z.
    private static IndexInput Small(double[,] values, PillarWeight[]? pillars = null) => new(
        ["one", "two", "three"],
        [new ScoredIndicator("x", "a", true, 1), new ScoredIndicator("y", "a", false, 1), new ScoredIndicator("z", "b", true, 1)],
        values,
        pillars ?? TwoPillars);

    [Fact]
    public void A_city_score_is_the_mean_of_its_pillars_of_min_max_values()
    {
        var input = Small(new double[,] { { 10, 5, 1 }, { 20, 15, 3 }, { 40, 10, 2 } });

        var result = CompositeIndex.Compute(input, IndexMethod.Default, SensitivityOptions.None);

        // City "two": x = (20-10)/(40-10) = 33.33; y (lower better) = (15-15)/(15-5) = 0; pillar a = 16.67.
        // z = (3-1)/(3-1) = 100 = pillar b. Index = (16.67 + 100) / 2.
        var two = result.Units[1];
        Assert.Equal(((100.0 / 3) + 0) / 2, two.PillarScores[0], 9);
        Assert.Equal(100, two.PillarScores[1], 9);
        Assert.Equal((((100.0 / 3) + 0) / 2 + 100) / 2, two.Score, 9);
        // City "three": x = 100, y = (15-10)/10 = 50 → a = 75; z = 50 → index 62.5, the best.
        Assert.Equal(62.5, result.Units[2].Score, 9);
        Assert.Equal([3, 2, 1], result.Units.Select(u => u.Rank));
    }

    [Fact]
    public void Geometric_aggregation_punishes_an_unbalanced_city()
    {
        var input = Small(new double[,] { { 10, 5, 1 }, { 20, 15, 3 }, { 40, 10, 2 } });

        var result = CompositeIndex.Compute(input, IndexMethod.Default with { Aggregation = Aggregation.Geometric }, SensitivityOptions.None);

        Assert.Equal(Math.Sqrt((100.0 / 6) * 100), result.Units[1].Score, 9);
        // City "one": pillar a = (0 + 100) / 2 = 50, pillar b = 0, floored at 1 so it does not erase the city.
        Assert.Equal(Math.Sqrt(50 * CompositeIndex.GeometricFloor), result.Units[0].Score, 9);
    }

    [Fact]
    public void A_missing_value_is_left_out_and_the_pillar_weights_renormalise()
    {
        var input = Small(new double[,] { { 10, double.NaN, 1 }, { 20, 15, 3 }, { 40, 10, 2 } });

        var one = CompositeIndex.Compute(input, IndexMethod.Default, SensitivityOptions.None).Units[0];

        Assert.Equal(0, one.PillarScores[0], 9); // only x, which is the minimum
        Assert.True(double.IsNaN(one.Normalised[1]));
    }

    [Fact]
    public void An_indicator_most_cities_lack_is_dropped_with_its_reason()
    {
        var input = Small(new double[,] { { 10, double.NaN, 1 }, { 20, double.NaN, 3 }, { 40, 10, 2 } });

        var result = CompositeIndex.Compute(input, IndexMethod.Default, SensitivityOptions.None);

        var y = result.Indicators.Single(i => i.Key == "y");
        Assert.False(y.Included);
        Assert.Equal("coverage", y.Reason);
        Assert.Equal(1.0 / 3, y.Coverage, 9);
    }

    [Fact]
    public void A_heavily_skewed_indicator_is_scored_on_its_logarithm()
    {
        double[] filings = [1179, 1022, 34, 7, 28, 1, 0, 1, 3, 0, 29, 7, 0, 0, 2, 0, 2, 0, 0, 0, 1];
        var values = new double[filings.Length, 1];
        for (var i = 0; i < filings.Length; i++)
        {
            values[i, 0] = filings[i];
        }

        var input = new IndexInput(filings.Select((_, i) => $"c{i}").ToList(), [new ScoredIndicator("f", "a", true, 1)], values, [new PillarWeight("a", 1)]);
        var result = CompositeIndex.Compute(input, IndexMethod.Default, SensitivityOptions.None);

        Assert.True(result.Indicators[0].LogTransformed);
        Assert.Equal(Math.Log(35) / Math.Log(1180) * 100, result.Units[2].Score, 9);
    }

    [Fact]
    public void The_same_input_and_seed_give_the_same_scores_and_intervals()
    {
        var input = Small(new double[,] { { 10, 5, 1 }, { 20, 15, 3 }, { 40, 10, 2 } });
        var options = new SensitivityOptions(500, 7);

        var first = CompositeIndex.Compute(input, IndexMethod.Default, options);
        var second = CompositeIndex.Compute(input, IndexMethod.Default, options);

        Assert.Equal(first.Units.Select(u => (u.Score, u.RankLow, u.RankMedian, u.RankHigh)), second.Units.Select(u => (u.Score, u.RankLow, u.RankMedian, u.RankHigh)));
        Assert.Equal(500, first.Draws);
    }

    [Fact]
    public void Rank_intervals_widen_when_cities_are_close_and_stay_tight_for_a_clear_leader()
    {
        // "three" leads on everything; "one" and "two" trade places depending on the weights of x and z.
        var input = Small(new double[,] { { 10, 10, 3 }, { 30, 10, 1 }, { 40, 5, 4 } });

        var result = CompositeIndex.Compute(input, IndexMethod.Default, new SensitivityOptions(2000, 11));

        Assert.Equal((1, 1), (result.Units[2].RankLow, result.Units[2].RankHigh));
        Assert.Equal((2, 3), (result.Units[0].RankLow, result.Units[0].RankHigh));
        Assert.All(result.Units, u => Assert.InRange(u.RankMedian, u.RankLow, u.RankHigh));
    }

    [Theory]
    [InlineData(nameof(Normalisation.ZScore))]
    [InlineData(nameof(Normalisation.DistanceToTarget))]
    public void Every_normalisation_keeps_the_order_of_a_single_indicator(string method)
    {
        var normalisation = Enum.Parse<Normalisation>(method);
        var input = new IndexInput(["a", "b", "c"], [new ScoredIndicator("x", "p", true, 1)], new double[,] { { 5 }, { 1 }, { 3 } }, [new PillarWeight("p", 1)]);

        var result = CompositeIndex.Compute(input, IndexMethod.Default with { Normalisation = normalisation }, SensitivityOptions.None);

        Assert.Equal([1, 3, 2], result.Units.Select(u => u.Rank));
    }

    [Fact]
    public void Distance_to_target_measures_each_city_against_its_own_target_when_it_has_one()
    {
        var references = new double[,] { { 20 }, { double.NaN }, { double.NaN } };
        var input = new IndexInput(["a", "b", "c"], [new ScoredIndicator("x", "p", true, 1)], new double[,] { { 10 }, { 4 }, { 8 } }, [new PillarWeight("p", 1)], references);

        var result = CompositeIndex.Compute(input, IndexMethod.Default with { Normalisation = Normalisation.DistanceToTarget }, SensitivityOptions.None);

        Assert.Equal(50, result.Units[0].Score, 9); // 10 of its target 20
        Assert.Equal(40, result.Units[1].Score, 9); // 4 of the best city's 10
    }
}
