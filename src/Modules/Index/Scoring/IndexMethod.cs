namespace Funeng.Index.Scoring;

/// <summary>How indicator values are brought to a common 0–100 scale (OECD/JRC Handbook, step 5).</summary>
internal enum Normalisation
{
    /// <summary>(x − min) / (max − min) × 100 across the cities.</summary>
    MinMax,

    /// <summary>50 + 10 z: a standardised score on a 0–100-like scale.</summary>
    ZScore,

    /// <summary>x / reference × 100, capped at 100; the reference is the city's target or else the best city (both on the log scale for skewed indicators).</summary>
    DistanceToTarget,
}

/// <summary>How pillar scores combine into the index (Handbook, step 6).</summary>
internal enum Aggregation
{
    /// <summary>Weighted arithmetic mean: full compensation between pillars.</summary>
    Arithmetic,

    /// <summary>Weighted geometric mean: a weak pillar cannot be fully made up by a strong one.</summary>
    Geometric,
}

internal sealed record IndexMethod(Normalisation Normalisation, Aggregation Aggregation)
{
    public static IndexMethod Default { get; } = new(Normalisation.MinMax, Aggregation.Arithmetic);
}

/// <summary>One indicator as the calculation sees it.</summary>
/// <param name="Key">Indicator key.</param>
/// <param name="Pillar">Pillar key.</param>
/// <param name="HigherIsBetter">Polarity.</param>
/// <param name="Weight">Weight within its pillar (renormalised over the indicators a city has).</param>
internal sealed record ScoredIndicator(string Key, string Pillar, bool HigherIsBetter, double Weight);

/// <summary>
/// The input of one calculation: <see cref="Values"/>[unit, indicator] with <see cref="double.NaN"/> where a value
/// is missing, and <see cref="References"/>[unit, indicator] the target for distance-to-target (NaN: none).
/// </summary>
internal sealed record IndexInput(
    IReadOnlyList<string> Units,
    IReadOnlyList<ScoredIndicator> Indicators,
    double[,] Values,
    IReadOnlyList<PillarWeight> Pillars,
    double[,]? References = null);

/// <summary>A pillar and its weight in the index (renormalised over the pillars a city has).</summary>
internal sealed record PillarWeight(string Key, double Weight);

/// <summary>Random draws for the uncertainty and sensitivity analysis (Handbook, step 7).</summary>
/// <param name="Draws">How many; 0 skips the analysis.</param>
/// <param name="Seed">Seed of the generator, so the intervals are reproducible.</param>
/// <param name="WeightSpread">Each weight is drawn uniformly in nominal × [1 − spread, 1 + spread].</param>
/// <param name="VaryMethods">Also draw the normalisation and the aggregation at random.</param>
internal sealed record SensitivityOptions(int Draws = 1000, int Seed = 20241, double WeightSpread = 0.5, bool VaryMethods = true)
{
    public static SensitivityOptions None { get; } = new(0);
}
