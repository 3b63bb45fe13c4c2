using System.Text.Json;
using Funeng.Index.Indicators;
using Funeng.Index.Scoring;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Index.Pages.Index;

internal sealed class DashboardModel(IndexViews views, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IndexView View { get; private set; } = null!;

    public IReadOnlyList<UnitScore> Ranking => View.Index.Result.Units.OrderBy(u => u.Rank).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await views.LoadAsync(Year, IndexMethod.Default, CalculateIndex.DefaultDraws, cancellationToken);
    }

    /// <summary>The charts' data, for ECharts; the same numbers are in the tables for readers without JavaScript.</summary>
    public string ChartJson() => JsonSerializer.Serialize(new
    {
        ranking = Ranking.Select(u => new { city = GuangdongCities.Find(u.Unit)!.Name.ToString(), score = IndexResponse.Finite(u.Score), rank = u.Rank, low = u.RankLow, high = u.RankHigh }),
        trends = View.Trends.Select(t => new { name = t.Indicator.Name.ToString(), unit = text["index.unit." + t.Indicator.Unit], points = t.Series.Select(f => new[] { f.Year, (double)f.Value }) }),
        scenarios = View.Scenarios.Select(s => new { label = GuangdongCities.ScopeName(s.Scope) + " · " + (s.SectorName ?? IndicatorCatalog.Find(s.Indicator)?.Name)?.ToString(), count = s.Count, target = s.Target?.Value }),
    });
}
