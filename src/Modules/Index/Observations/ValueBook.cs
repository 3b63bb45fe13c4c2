using Funeng.Index.Indicators;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Indicators;

namespace Funeng.Index.Observations;

/// <summary>
/// Every current value: the latest published version of each reported figure, overridden by live counts where a
/// module counts the indicator from its own records (the platform's records are the more direct source; the
/// reported value stays beside it, and the figure is graded inconsistent when the two differ), and the province as
/// the sum of its cities for additive indicators it has no figure of its own for. A registry count (an indicator
/// whose live source covers only what is registered on the platform) never takes a reported figure's place: where
/// the scope has a reported series, the registry value is kept aside (<see cref="Registry"/>) with its difference.
/// </summary>
internal sealed class ValueBook
{
    private readonly Dictionary<(string Indicator, string Scope, int Year), Figure> _figures;
    private readonly Dictionary<(string Indicator, string Scope), Figure> _registry = [];

    public ValueBook(IEnumerable<Figure> reported, IReadOnlyList<LiveObservation> live)
    {
        ArgumentNullException.ThrowIfNull(live);
        _figures = reported.ToDictionary(f => (f.Indicator, f.Scope, f.Year));
        Live = live;
        var reportedScopes = _figures.Keys.Select(k => (k.Indicator, k.Scope)).ToHashSet();
        foreach (var group in live.GroupBy(l => (l.Indicator, l.Scope, l.Year)))
        {
            var totals = group.Where(l => l.Breakdown is null).ToList();
            var counted = totals.Count > 0 ? totals : group.ToList();
            var figure = new Figure(group.Key.Indicator, group.Key.Scope, group.Key.Year, counted.Sum(l => l.Value), FigureOrigin.Live,
                string.Join("; ", counted.Select(l => l.Source).Distinct()), false);
            var reportedHere = _figures.GetValueOrDefault(group.Key);
            if (IndicatorCatalog.Find(group.Key.Indicator)?.LiveIsRegistry == true && reportedScopes.Contains((group.Key.Indicator, group.Key.Scope)))
            {
                var latestReported = reportedHere ?? _figures.Values.Where(f => f.Indicator == group.Key.Indicator && f.Scope == group.Key.Scope).MaxBy(f => f.Year)!;
                _registry[(group.Key.Indicator, group.Key.Scope)] = figure with { Other = latestReported };
                if (reportedHere is not null)
                {
                    _figures[group.Key] = reportedHere with { Other = figure };
                }

                continue;
            }

            _figures[group.Key] = reportedHere is null ? figure : figure with { Other = reportedHere };
        }

        foreach (var indicator in IndicatorCatalog.All.Where(i => i.SumsOverCities))
        {
            var cityFigures = _figures.Values.Where(f => f.Indicator == indicator.Key && f.Scope != GuangdongCities.ProvinceScope).GroupBy(f => f.Year).ToList();
            foreach (var year in cityFigures.Where(y => !_figures.ContainsKey((indicator.Key, GuangdongCities.ProvinceScope, y.Key))))
            {
                var parts = year.OrderBy(f => f.Scope, StringComparer.Ordinal).ToList();
                _figures[(indicator.Key, GuangdongCities.ProvinceScope, year.Key)] = new Figure(indicator.Key, GuangdongCities.ProvinceScope, year.Key,
                    parts.Sum(f => f.Value), FigureOrigin.SumOfCities, "index.source.sum-of-cities", parts.Exists(f => f.Invented), Parts: parts);
            }
        }
    }

    /// <summary>The live values as the modules gave them, with their breakdowns (e.g. scenarios per sector).</summary>
    public IReadOnlyList<LiveObservation> Live { get; }

    public IEnumerable<Figure> All => _figures.Values;

    /// <summary>
    /// The registry's count for a registry indicator where a reported series stands instead (its <c>Other</c> is
    /// the reported figure it is compared with), or null.
    /// </summary>
    public Figure? Registry(string indicator, string scope) => _registry.GetValueOrDefault((indicator, scope));

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
