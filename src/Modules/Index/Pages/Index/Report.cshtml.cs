using Funeng.Index.Scoring;
using Funeng.Kernel.Geography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Index.Pages.Index;

/// <summary>A printable report for a year: the province (targets, ranking) or one city (its score, trace and targets).</summary>
internal sealed class ReportModel(IndexViews views) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    public IndexView View { get; private set; } = null!;

    public City? Subject { get; private set; }

    public CityTrace? Trace { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(City) && GuangdongCities.Find(City) is null)
        {
            return NotFound();
        }

        View = await views.LoadAsync(Year, IndexMethod.Default, CalculateIndex.DefaultDraws, cancellationToken);
        if (!string.IsNullOrEmpty(City))
        {
            Subject = GuangdongCities.Find(City);
            Trace = CityTrace.From(View.Index, City);
        }

        return Page();
    }
}
