using System.Text.Json;
using Funeng.Index.Observations;
using Funeng.Index.Progress;
using Funeng.Index.Scoring;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Index.Pages.Index;

internal sealed class CityModel(IndexViews views, IndicatorValues values, ObservationAccess access, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public City City { get; private set; } = null!;

    public string Scope => GuangdongCities.CityScopePrefix + City.Slug;

    public IndexView View { get; private set; } = null!;

    public CityTrace Trace { get; private set; } = null!;

    public IReadOnlyList<(int Year, double Score, int Rank)> History { get; private set; } = [];

    public IReadOnlyList<TargetProgress> Targets { get; private set; } = [];

    /// <summary>The city's unpublished values, shown to its own staff and the office only.</summary>
    public IReadOnlyList<DraftFigure> Drafts { get; private set; } = [];

    public bool ShowsInventedData => View.ShowsInventedData && (Trace.Lines.Any(l => l.Figure?.Invented == true) || Targets.Any(t => t.Series.Any(f => f.Invented)));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (GuangdongCities.Find(Slug) is not { } city)
        {
            return NotFound();
        }

        City = city;
        View = await views.LoadAsync(Year, IndexMethod.Default, CalculateIndex.DefaultDraws, cancellationToken);
        Trace = CityTrace.From(View.Index, Slug);
        History = IndexViews.History(View, Slug, View.Targets);
        Targets = View.Progress.Where(p => p.Target.Scope == Scope).ToList();
        if (access.MaySeeDrafts(Scope))
        {
            Drafts = await values.DraftsAsync([Scope], cancellationToken);
        }

        return Page();
    }

    public string ChartJson() => JsonSerializer.Serialize(new
    {
        city = City.Name.ToString(),
        pillars = View.Index.Result.Pillars.Select(p => new { name = text["index.pillar." + p], score = Trace.City.Pillars[p] ?? 0 }),
        history = History.Where(h => double.IsFinite(h.Score)).Select(h => new { year = h.Year, rank = h.Rank, score = Math.Round(h.Score, 2) }),
    });
}
