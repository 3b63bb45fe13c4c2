namespace Funeng.Index.Scoring;

/// <summary>
/// The input after data treatment (Handbook steps 3–4): dropped indicators, log transform of skewed ones, the
/// pillar of each indicator as an index. Flat arrays, so thousands of sensitivity draws allocate nothing.
/// </summary>
internal sealed class PreparedData
{
    private readonly double[] _treated;
    private readonly double[] _references;
    private readonly int[] _pillarOf;

    private PreparedData(int units, int indicators, IReadOnlyList<string> pillarKeys, double[] treated, double[] references, int[] pillarOf,
        double[] indicatorWeights, double[] pillarWeights, bool[] higherIsBetter, IReadOnlyList<IndicatorTreatment> treatments)
    {
        Units = units;
        IndicatorCount = indicators;
        PillarKeys = pillarKeys;
        _treated = treated;
        _references = references;
        _pillarOf = pillarOf;
        IndicatorWeights = indicatorWeights;
        PillarWeights = pillarWeights;
        HigherIsBetter = higherIsBetter;
        Treatments = treatments;
    }

    public int Units { get; }

    public int IndicatorCount { get; }

    public int PillarCount => PillarKeys.Count;

    public IReadOnlyList<string> PillarKeys { get; }

    public double[] IndicatorWeights { get; }

    public double[] PillarWeights { get; }

    public bool[] HigherIsBetter { get; }

    public IReadOnlyList<IndicatorTreatment> Treatments { get; }

    public static PreparedData From(IndexInput input)
    {
        int n = input.Units.Count, m = input.Indicators.Count;
        if (input.Values.GetLength(0) != n || input.Values.GetLength(1) != m)
        {
            throw new ArgumentException($"Values must be {n} units × {m} indicators.", nameof(input));
        }

        var raw = new double[n * m];
        var references = new double[n * m];
        for (var u = 0; u < n; u++)
        {
            for (var i = 0; i < m; i++)
            {
                raw[(u * m) + i] = input.Values[u, i];
                references[(u * m) + i] = input.References?[u, i] ?? double.NaN;
            }
        }

        var treated = (double[])raw.Clone();
        var treatments = new IndicatorTreatment[m];
        var included = new bool[m];
        var column = new List<double>(n);
        for (var i = 0; i < m; i++)
        {
            column.Clear();
            for (var u = 0; u < n; u++)
            {
                if (!double.IsNaN(raw[(u * m) + i]))
                {
                    column.Add(raw[(u * m) + i]);
                }
            }

            var indicator = input.Indicators[i];
            var coverage = n == 0 ? 0 : (double)column.Count / n;
            var (skewness, kurtosis) = Moments(column);
            var reason = coverage < CompositeIndex.MinimumCoverage ? "coverage"
                : column.Count == 0 || column.Max() - column.Min() <= 1e-12 ? "no_variance"
                : null;
            var log = reason is null && column.TrueForAll(v => v >= 0)
                && Math.Abs(skewness) > CompositeIndex.SkewnessLimit && kurtosis > CompositeIndex.KurtosisLimit;
            if (log)
            {
                for (var u = 0; u < n; u++)
                {
                    treated[(u * m) + i] = Math.Log(1 + raw[(u * m) + i]);
                    references[(u * m) + i] = Math.Log(1 + references[(u * m) + i]);
                }
            }

            included[i] = reason is null;
            treatments[i] = new IndicatorTreatment(indicator.Key, indicator.Pillar, included[i], reason, coverage, log, skewness, kurtosis);
        }

        // Pillars with no included indicator drop out; the others keep the caller's order.
        var pillars = input.Pillars.Where(pw => pw.Weight > 0 && input.Indicators.Where((ind, i) => included[i] && ind.Pillar == pw.Key).Any()).ToList();
        var pillarOf = new int[m];
        for (var i = 0; i < m; i++)
        {
            pillarOf[i] = included[i] ? pillars.FindIndex(pw => pw.Key == input.Indicators[i].Pillar) : -1;
        }

        return new PreparedData(n, m, pillars.Select(pw => pw.Key).ToList(), treated, references, pillarOf,
            input.Indicators.Select(ind => ind.Weight).ToArray(), pillars.Select(pw => pw.Weight).ToArray(),
            input.Indicators.Select(ind => ind.HigherIsBetter).ToArray(), treatments);
    }

    /// <summary>Values on a 0–100 scale per unit and indicator; NaN where missing or dropped.</summary>
    public double[] Normalise(Normalisation normalisation)
    {
        int n = Units, m = IndicatorCount;
        var result = new double[n * m];
        Array.Fill(result, double.NaN);
        for (var i = 0; i < m; i++)
        {
            if (_pillarOf[i] < 0)
            {
                continue;
            }

            var source = _treated;
            double min = double.MaxValue, max = double.MinValue, sum = 0, squares = 0;
            var count = 0;
            for (var u = 0; u < n; u++)
            {
                var x = source[(u * m) + i];
                if (double.IsNaN(x))
                {
                    continue;
                }

                min = Math.Min(min, x);
                max = Math.Max(max, x);
                sum += x;
                squares += x * x;
                count++;
            }

            var mean = sum / count;
            var sd = Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean)));
            for (var u = 0; u < n; u++)
            {
                var x = source[(u * m) + i];
                if (double.IsNaN(x))
                {
                    continue;
                }

                result[(u * m) + i] = normalisation switch
                {
                    Normalisation.MinMax => (HigherIsBetter[i] ? x - min : max - x) / (max - min) * 100,
                    Normalisation.ZScore => 50 + (10 * (HigherIsBetter[i] ? x - mean : mean - x) / sd),
                    _ => DistanceToTarget(x, _references[(u * m) + i], HigherIsBetter[i] ? max : min, HigherIsBetter[i]),
                };
            }
        }

        return result;
    }

    /// <summary>The available (unit, indicator) values of a normalisation, packed so aggregation touches nothing else.</summary>
    public PackedValues Pack(double[] normalised)
    {
        int n = Units, m = IndicatorCount;
        var starts = new int[n + 1];
        var indicators = new List<int>(n * m);
        var pillars = new List<int>(n * m);
        var values = new List<double>(n * m);
        for (var u = 0; u < n; u++)
        {
            starts[u] = values.Count;
            for (var i = 0; i < m; i++)
            {
                var value = normalised[(u * m) + i];
                if (_pillarOf[i] >= 0 && !double.IsNaN(value))
                {
                    indicators.Add(i);
                    pillars.Add(_pillarOf[i]);
                    values.Add(value);
                }
            }
        }

        starts[n] = values.Count;
        return new PackedValues(starts, [.. indicators], [.. pillars], [.. values]);
    }

    /// <summary>Pillar scores (weighted arithmetic mean of the available indicators) and the index across pillars.</summary>
    public void Aggregate(PackedValues packed, double[] indicatorWeights, double[] pillarWeights, Aggregation aggregation, double[] pillarScores, double[] scores)
    {
        int n = Units, p = PillarCount;
        Span<double> sums = stackalloc double[p];
        Span<double> weights = stackalloc double[p];
        var geometric = aggregation == Aggregation.Geometric;
        for (var u = 0; u < n; u++)
        {
            sums.Clear();
            weights.Clear();
            for (var e = packed.Starts[u]; e < packed.Starts[u + 1]; e++)
            {
                var w = indicatorWeights[packed.Indicators[e]];
                sums[packed.Pillars[e]] += w * packed.Values[e];
                weights[packed.Pillars[e]] += w;
            }

            double total = 0, totalWeight = 0;
            for (var k = 0; k < p; k++)
            {
                if (weights[k] <= 0)
                {
                    pillarScores[(u * p) + k] = double.NaN;
                    continue;
                }

                var score = sums[k] / weights[k];
                pillarScores[(u * p) + k] = score;
                total += pillarWeights[k] * (geometric ? Math.Log(Math.Max(score, CompositeIndex.GeometricFloor)) : score);
                totalWeight += pillarWeights[k];
            }

            scores[u] = totalWeight <= 0 ? double.NaN : geometric ? Math.Exp(total / totalWeight) : total / totalWeight;
        }
    }

    private static double DistanceToTarget(double x, double target, double best, bool higherIsBetter)
    {
        var reference = double.IsNaN(target) ? best : target;
        if (higherIsBetter)
        {
            return reference <= 0 ? 100 : Math.Min(Math.Max(x, 0) / reference, 1) * 100;
        }

        return x <= reference ? 100 : reference <= 0 ? 0 : reference / x * 100;
    }

    /// <summary>Population skewness and excess kurtosis (as Excel's and the JRC COIN tool's rule of thumb uses).</summary>
    private static (double Skewness, double Kurtosis) Moments(List<double> values)
    {
        if (values.Count < 3)
        {
            return (0, 0);
        }

        var mean = values.Average();
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }

        m2 /= values.Count;
        m3 /= values.Count;
        m4 /= values.Count;
        return m2 <= 0 ? (0, 0) : (m3 / Math.Pow(m2, 1.5), (m4 / (m2 * m2)) - 3);
    }
}

/// <summary>Available values in unit order: unit u's entries are <c>Starts[u] .. Starts[u + 1]</c>.</summary>
internal sealed record PackedValues(int[] Starts, int[] Indicators, int[] Pillars, double[] Values);
