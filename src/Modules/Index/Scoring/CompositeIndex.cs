namespace Funeng.Index.Scoring;

/// <summary>
/// The empowerment index as the OECD/JRC Handbook on Constructing Composite Indicators (2008) lays it out:
/// treat the data (coverage, skew), normalise, weight and aggregate within pillars (arithmetic) and across pillars
/// (arithmetic or geometric), rank, then redo it under random weights and methods to give each unit a rank
/// interval. Pure and deterministic: the same input, method and seed give the same result.
/// </summary>
internal static class CompositeIndex
{
    /// <summary>An indicator reported by fewer than half of the units is dropped for that year.</summary>
    public const double MinimumCoverage = 0.5;

    /// <summary>The JRC rule of thumb: |skewness| &gt; 2 and kurtosis &gt; 3.5 means score on log(1 + x).</summary>
    public const double SkewnessLimit = 2.0;

    public const double KurtosisLimit = 3.5;

    /// <summary>Geometric means floor pillar scores here, so one zero does not wipe out a city's whole score.</summary>
    public const double GeometricFloor = 1.0;

    public static IndexResult Compute(IndexInput input, IndexMethod method, SensitivityOptions sensitivity)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(sensitivity);
        var data = PreparedData.From(input);
        int n = data.Units, m = data.IndicatorCount, p = data.PillarCount;

        var normalised = data.Normalise(method.Normalisation);
        var pillarScores = new double[n * p];
        var scores = new double[n];
        var ranks = new int[n];
        data.Aggregate(data.Pack(normalised), data.IndicatorWeights, data.PillarWeights, method.Aggregation, pillarScores, scores);
        Rank(scores, ranks);

        var intervals = Sensitivity(data, sensitivity, method);
        var units = new UnitScore[n];
        for (var u = 0; u < n; u++)
        {
            var (low, median, high) = intervals?[u] ?? (ranks[u], ranks[u], ranks[u]);
            units[u] = new UnitScore(
                input.Units[u], scores[u], ranks[u],
                pillarScores.AsSpan(u * p, p).ToArray(),
                normalised.AsSpan(u * m, m).ToArray(),
                low, median, high);
        }

        return new IndexResult(method, data.PillarKeys, data.Treatments, units, intervals is null ? 0 : sensitivity.Draws);
    }

    /// <summary>Competition ranking, 1 = best; a unit without a score ranks after every unit with one.</summary>
    public static void Rank(ReadOnlySpan<double> scores, Span<int> ranks)
    {
        Span<double> comparable = scores.Length <= 256 ? stackalloc double[scores.Length] : new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            comparable[i] = double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i];
        }

        for (var i = 0; i < comparable.Length; i++)
        {
            var threshold = comparable[i] + 1e-9;
            var better = 0;
            for (var j = 0; j < comparable.Length; j++)
            {
                better += comparable[j] > threshold ? 1 : 0;
            }

            ranks[i] = better + 1;
        }
    }

    /// <summary>
    /// Draws in a fixed number of chunks, each with its own generator seeded from the seed and the chunk number, so
    /// the result is the same however many cores run them.
    /// </summary>
    public const int SensitivityChunks = 8;

    private static (int Low, int Median, int High)[]? Sensitivity(PreparedData data, SensitivityOptions options, IndexMethod nominal)
    {
        if (options.Draws <= 0)
        {
            return null;
        }

        var n = data.Units;
        var packed = Enum.GetValues<Normalisation>().Select(method => data.Pack(data.Normalise(method))).ToArray();
        var histograms = new int[SensitivityChunks][];
        Parallel.For(0, SensitivityChunks, chunk =>
        {
            var draws = (options.Draws / SensitivityChunks) + (chunk < options.Draws % SensitivityChunks ? 1 : 0);
            histograms[chunk] = DrawRanks(data, packed, options, nominal, new Random(unchecked((options.Seed * 7919) + chunk) & int.MaxValue), draws);
        });

        var result = new (int, int, int)[n];
        var counts = new int[n + 1];
        for (var u = 0; u < n; u++)
        {
            Array.Clear(counts);
            foreach (var histogram in histograms)
            {
                for (var rank = 1; rank <= n; rank++)
                {
                    counts[rank] += histogram[(u * (n + 1)) + rank];
                }
            }

            result[u] = (Percentile(counts, options.Draws, 0.05), Percentile(counts, options.Draws, 0.5), Percentile(counts, options.Draws, 0.95));
        }

        return result;
    }

    /// <summary>Runs <paramref name="draws"/> random draws; returns per unit how often it took each rank.</summary>
    private static int[] DrawRanks(PreparedData data, PackedValues[] packed, SensitivityOptions options, IndexMethod nominal, Random random, int draws)
    {
        int n = data.Units, p = data.PillarCount;
        var indicatorWeights = new double[data.IndicatorCount];
        var pillarWeights = new double[p];
        var pillarScores = new double[n * p];
        var scores = new double[n];
        var ranks = new int[n];
        var histogram = new int[n * (n + 1)];
        for (var draw = 0; draw < draws; draw++)
        {
            var normalisation = options.VaryMethods ? random.Next(packed.Length) : (int)nominal.Normalisation;
            var aggregation = options.VaryMethods ? (random.Next(2) == 0 ? Aggregation.Arithmetic : Aggregation.Geometric) : nominal.Aggregation;
            Perturb(data.IndicatorWeights, indicatorWeights, options.WeightSpread, random);
            Perturb(data.PillarWeights, pillarWeights, options.WeightSpread, random);
            data.Aggregate(packed[normalisation], indicatorWeights, pillarWeights, aggregation, pillarScores, scores);
            Rank(scores, ranks);
            for (var u = 0; u < n; u++)
            {
                histogram[(u * (n + 1)) + ranks[u]]++;
            }
        }

        return histogram;
    }

    private static void Perturb(double[] nominal, double[] drawn, double spread, Random random)
    {
        for (var i = 0; i < nominal.Length; i++)
        {
            drawn[i] = nominal[i] * (1 + (spread * ((2 * random.NextDouble()) - 1)));
        }
    }

    /// <summary>Nearest-rank percentile of the ranks counted in <paramref name="counts"/>.</summary>
    private static int Percentile(ReadOnlySpan<int> counts, int total, double fraction)
    {
        var needed = Math.Max(1, (int)Math.Ceiling(fraction * total));
        var seen = 0;
        for (var rank = 1; rank < counts.Length; rank++)
        {
            seen += counts[rank];
            if (seen >= needed)
            {
                return rank;
            }
        }

        return counts.Length - 1;
    }
}
