using Funeng.Index.Indicators;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Indicators;

namespace Funeng.Index.Observations;

/// <summary>
/// Every current value: the latest published version of each reported figure, overridden by live counts where a
/// module counts the indicator from its own records (the platform's records are the more direct source), and
/// the province as the sum of its cities for additive indicators it has no figure of its own for.
/// </summary>
internal sealed class ValueBook
{
    private readonly Dictionary<(string Indicator, string Scope, int Year), Figure> _figures;

    public ValueBook(IEnumerable<Figure> reported, IReadOnlyList<LiveObservation> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        _figures = reported.ToDictionary(f => (f.Indicator, f.Scope, f.Year));
        Live = live;
        foreach (var group in live.GroupBy(l => (l.Indicator, l.Scope, l.Year)))
        {
            var totals = group.Where(l => l.Breakdown is null).ToList();
            var counted = totals.Count > 0 ? totals : group.ToList();
            _figures[group.Key] = new Figure(group.Key.Indicator, group.Key.Scope, group.Key.Year, counted.Sum(l => l.Value), FigureOrigin.Live,
                string.Join("; ", counted.Select(l => l.Source).Distinct()), false);
        }

        foreach (var indicator in IndicatorCatalog.All.Where(i => i.SumsOverCities))
        {
            var cityFigures = _figures.Values.Where(f => f.Indicator == indicator.Key && f.Scope != GuangdongCities.ProvinceScope).GroupBy(f => f.Year).ToList();
            foreach (var year in cityFigures.Where(y => !_figures.ContainsKey((indicator.Key, GuangdongCities.ProvinceScope, y.Key))))
            {
                var parts = year.OrderBy(f => f.Scope, StringComparer.Ordinal).ToList();
                _figures[(indicator.Key, GuangdongCities.ProvinceScope, year.Key)] = new Figure(indicator.Key, GuangdongCities.ProvinceScope, year.Key,
                    parts.Sum(f => f.Value), FigureOrigin.SumOfCities, $"sum of {parts.Count} cities", parts.Exists(f => f.Invented), Parts: parts);
            }
        }
    }

    /// <summary>The live values as the modules gave them, with their breakdowns (e.g. scenarios per sector).</summary>
    public IReadOnlyList<LiveObservation> Live { get; }

    public IEnumerable<Figure> All => _figures.Values;

    public IReadOnlyList<int> Years => _figures.Keys.Select(k => k.Year).Distinct().Order().ToList();

    public Figure? Get(string indicator, string scope, int year) => _figures.GetValueOrDefault((indicator, scope, year));

    /// <summary>The value for <paramref name="year"/>, or else the latest of the <paramref name="carryYears"/> years before it.</summary>
    public Figure? LatestUpTo(string indicator, string scope, int year, int carryYears)
    {
        for (var y = year; y >= year - carryYears; y--)
        {
            if (Get(indicator, scope, y) is { } figure)
            {
                return figure;
            }
        }

        return null;
    }

    public IReadOnlyList<Figure> Series(string indicator, string scope) =>
        _figures.Values.Where(f => f.Indicator == indicator && f.Scope == scope).OrderBy(f => f.Year).ToList();
}
