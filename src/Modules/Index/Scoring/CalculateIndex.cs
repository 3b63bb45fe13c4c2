using Funeng.Index.Indicators;
using Funeng.Index.Observations;
using Funeng.Index.Weights;
using Funeng.Kernel.Geography;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Scoring;

/// <summary>An index for one year, with the figure behind every value so each score traces to its observations.</summary>
internal sealed record CityIndex(int Year, IndexResult Result, IReadOnlyList<Indicator> Indicators, IReadOnlyList<City> Cities, Figure?[,] Figures, WeightSet Weights, int Seed)
{
    public bool ContainsInventedData => Figures.Cast<Figure?>().Any(f => f?.Invented == true);

    public UnitScore For(string slug) => Result.Units.Single(u => u.Unit == slug);
}

/// <summary>Builds the index input from the current values, the office's weights and the cities' targets.</summary>
internal sealed class CalculateIndex(LoadIndexInputs inputs, IndexSnapshots snapshots)
{
    /// <summary>A city's latest value from up to this many years before stands in for a missing one (flagged in the trace by its year).</summary>
    public const int CarryYears = 2;

    public const int DefaultDraws = 1000;

    public const int DefaultSeed = 20241;

    /// <summary>The index for the current inputs, from the snapshot if these inputs were computed before.</summary>
    public async Task<CityIndex> CalculateAsync(int year, IndexMethod method, SensitivityOptions sensitivity, CancellationToken cancellationToken)
    {
        var current = await inputs.LoadAsync(cancellationToken);
        return (await snapshots.GetAsync(current, year, method, sensitivity, cancellationToken)).Index;
    }

    /// <summary>The years that have any value an index indicator can use.</summary>
    public static IReadOnlyList<int> Years(ValueBook book) =>
        book.All.Where(f => f.Scope != GuangdongCities.ProvinceScope && IndicatorCatalog.Find(f.Indicator)?.Pillar is not null)
            .Select(f => f.Year).Distinct().Order().ToList();

    public static CityIndex Calculate(ValueBook book, WeightSet weights, IReadOnlyList<PolicyTarget> targets, int year, IndexMethod method, SensitivityOptions sensitivity)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(targets);
        var indicators = IndicatorCatalog.All.Where(i => i.Pillar is not null && i.Scope != IndicatorScope.Province).ToList();
        var cities = GuangdongCities.All;
        var values = new double[cities.Count, indicators.Count];
        var references = new double[cities.Count, indicators.Count];
        var figures = new Figure?[cities.Count, indicators.Count];
        for (var u = 0; u < cities.Count; u++)
        {
            var scope = GuangdongCities.CityScopePrefix + cities[u].Slug;
            for (var i = 0; i < indicators.Count; i++)
            {
                var figure = book.LatestUpTo(indicators[i].Key, scope, year, CarryYears);
                figures[u, i] = figure;
                values[u, i] = figure is null ? double.NaN : (double)figure.Value;
                var target = targets.Where(t => t.Kind == TargetKind.Goal && t.Scope == scope && t.Indicator == indicators[i].Key && t.Year >= year)
                    .OrderBy(t => t.Year).FirstOrDefault();
                references[u, i] = target is null ? double.NaN : (double)target.Value;
            }
        }

        var input = new IndexInput(
            cities.Select(c => c.Slug).ToList(),
            indicators.Select(i => new ScoredIndicator(i.Key, i.Pillar!, i.HigherIsBetter, weights.Indicator(i.Key))).ToList(),
            values,
            Pillars.All.Select(p => new PillarWeight(p, weights.Pillar(p))).ToList(),
            references);
        return new CityIndex(year, CompositeIndex.Compute(input, method, sensitivity), indicators, cities, figures, weights, sensitivity.Seed);
    }
}
