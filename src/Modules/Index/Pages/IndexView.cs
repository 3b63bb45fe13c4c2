using Funeng.Index.Indicators;
using Funeng.Index.Observations;
using Funeng.Index.Progress;
using Funeng.Index.Scoring;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Pages;

/// <summary>Scenario counts of one sector and place, against the quota or goal that applies, if any.</summary>
internal sealed record SectorCount(string Scope, string Indicator, string? Sector, decimal Count, PolicyTarget? Target, string Source, LocalizedText? SectorName = null);

/// <summary>Everything the dashboards, profiles and reports show for a year, loaded once per request.</summary>
internal sealed record IndexView(int Year, IReadOnlyList<int> Years, ValueBook Book, CityIndex Index, IReadOnlyList<TargetProgress> Progress, IReadOnlyList<PolicyTarget> Targets, DateTimeOffset Now)
{
    public IReadOnlyList<TargetProgress> Headline => Progress.Where(p => p.Target.Headline).ToList();

    /// <summary>When the index shown was computed (it is recomputed when its inputs change, not per request).</summary>
    public DateTimeOffset ComputedAt { get; init; } = Now;

    /// <summary>True when anything on the page rests on a number invented for the demo.</summary>
    public bool ShowsInventedData => Index.ContainsInventedData || Progress.Any(p => p.Series.Any(f => f.Invented));

    /// <summary>Scenarios counted live per sector and place for the year, each with its target.</summary>
    public IReadOnlyList<SectorCount> Scenarios => Book.Live
        .Where(l => l.Year == Year && l.Indicator.EndsWith("_scenarios", StringComparison.Ordinal))
        .GroupBy(l => (l.Scope, l.Indicator, l.Breakdown))
        .Select(g => new SectorCount(g.Key.Scope, g.Key.Indicator, g.Key.Breakdown, g.Sum(l => l.Value), TargetFor(g.Key.Indicator, g.Key.Breakdown, g.Key.Scope), string.Join("; ", g.Select(l => l.Source).Distinct()), g.First().BreakdownName))
        .OrderBy(s => s.Scope, StringComparer.Ordinal).ThenBy(s => s.Indicator, StringComparer.Ordinal).ThenBy(s => s.Sector, StringComparer.Ordinal).ToList();

    /// <summary>The province's series of each headline indicator, for the trend chart and table.</summary>
    public IReadOnlyList<(Indicator Indicator, IReadOnlyList<Figure> Series)> Trends => Headline.Select(p => p.Target.Indicator).Distinct()
        .Select(key => (IndicatorCatalog.Find(key)!, Book.Series(key, Kernel.Geography.GuangdongCities.ProvinceScope)))
        .Where(t => t.Item2.Count > 0).ToList();

    private PolicyTarget? TargetFor(string indicator, string? sector, string scope) =>
        Targets.Where(t => t.Scope == scope && t.AppliesTo(Year) && (t.Indicator == indicator || (sector is not null && t.Indicator == $"ai_{sector}_scenarios")))
            .OrderBy(t => t.Indicator == indicator ? 0 : 1).FirstOrDefault();
}

/// <summary>Loads an <see cref="IndexView"/>.</summary>
internal sealed class IndexViews(LoadIndexInputs inputs, IndexSnapshots snapshots, TimeProvider clock)
{
    /// <summary>The view for a year; the index itself comes from the snapshot of the current inputs (never recomputed per request).</summary>
    public async Task<IndexView> LoadAsync(int? year, IndexMethod method, int draws, CancellationToken cancellationToken)
    {
        var current = await inputs.LoadAsync(cancellationToken);
        var (book, targets) = (current.Book, current.Targets);
        var now = clock.GetUtcNow();
        var years = CalculateIndex.Years(book);
        var chosen = year is >= 2000 and <= 2100 ? year.Value : years.LastOrDefault(y => y <= now.Year, now.Year);
        var snapshot = await snapshots.GetAsync(current, chosen, method, new SensitivityOptions(draws, CalculateIndex.DefaultSeed), cancellationToken);
        return new IndexView(chosen, years.Contains(chosen) ? years : [.. years.Append(chosen).Order()], book, snapshot.Index, TrackProgress.Assess(targets, book, now), targets, now)
        {
            ComputedAt = snapshot.ComputedAt,
        };
    }

    /// <summary>A city's score and rank in every year with data (no sensitivity draws: the trend, not the interval).</summary>
    public static IReadOnlyList<(int Year, double Score, int Rank)> History(IndexView view, string slug, IReadOnlyList<PolicyTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Years.Select(y =>
        {
            var index = CalculateIndex.Calculate(view.Book, view.Index.Weights, targets, y, IndexMethod.Default, SensitivityOptions.None);
            var unit = index.For(slug);
            return (y, unit.Score, unit.Rank);
        }).ToList();
    }
}
