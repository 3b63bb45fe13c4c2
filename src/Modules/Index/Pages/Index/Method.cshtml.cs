using System.Globalization;
using Funeng.Index.Indicators;
using Funeng.Index.Weights;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Index.Pages.Index;

/// <summary>How the index is built, its indicators and weights; the office edits the weights here.</summary>
internal sealed class MethodModel(IndexWeights weights, IActor actor, Scoring.IndexSnapshots snapshots, UiText text) : PageModel
{
    /// <summary>When this process last computed an index, shown so a reader knows how fresh the figures are.</summary>
    public DateTimeOffset? SnapshotComputedAt => snapshots.Latest?.ComputedAt;

    public WeightSet Weights { get; private set; } = WeightSet.Equal;

    public bool MayEdit => actor.IsInRole(Roles.OfficeStaff);

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    // Its own key: other pages keep a string "Saved" in TempData, and reading this bool there was a 500
    // (InvalidCastException) on the next page that office staff opened after this one.
    [TempData(Key = "IndexWeightsSaved")]
    public bool Saved { get; set; }

    public static IReadOnlyList<Indicator> Scored => IndicatorCatalog.All.Where(i => i.Pillar is not null && i.Scope != IndicatorScope.Province).ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Weights = await weights.LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        var pillars = new Dictionary<string, double>();
        var indicators = new Dictionary<string, double>();
        var problems = new List<FieldProblem>();
        foreach (var pillar in Pillars.All)
        {
            Read("pillar:" + pillar, pillars, pillar, problems);
        }

        foreach (var indicator in Scored)
        {
            Read("indicator:" + indicator.Key, indicators, indicator.Key, problems);
        }

        var proposed = new WeightSet(pillars, indicators);
        problems.AddRange(IndexWeights.Validate(proposed));
        if (problems.Count > 0)
        {
            Errors = InvalidInputException.Describe(problems, text);
            Weights = proposed;
            return Page();
        }

        await weights.SaveAsync(proposed, cancellationToken);
        Saved = true;
        return RedirectToPage();
    }

    private void Read(string field, Dictionary<string, double> into, string key, List<FieldProblem> problems)
    {
        if (double.TryParse(Request.Form[field], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
        {
            into[key] = weight;
        }
        else
        {
            problems.Add(FieldProblem.Of(field, "index.problem.not-a-number", Request.Form[field].ToString()));
        }
    }
}
