using System.Globalization;
using Funeng.Index.Indicators;
using Funeng.Index.Observations;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Index.Pages.Index;

/// <summary>The reporting form: city staff enter their city's values (as drafts or published), the office any scope's.</summary>
[Authorize(Roles = Roles.OfficeStaff + "," + Roles.CityStaff)]
internal sealed class ObservationsModel(RecordObservations recorder, IndicatorValues values, ObservationAccess access) : PageModel
{
    [BindProperty]
    public string Indicator { get; set; } = "";

    [BindProperty]
    public string Scope { get; set; } = "";

    [BindProperty]
    public int Year { get; set; } = DateTime.UtcNow.Year;

    [BindProperty]
    public string Value { get; set; } = "";

    [BindProperty]
    public string Source { get; set; } = "";

    [BindProperty]
    public bool Publish { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public IReadOnlyList<DraftFigure> Drafts { get; private set; } = [];

    public IReadOnlyList<ObservationError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!decimal.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return await RefuseAsync([ObservationError.Of(null, "value", "index.problem.not-a-number", Value)], cancellationToken);
        }

        return await RecordAsync(new NewObservation(Indicator, Scope, Year, value, Source, Publish, Note), cancellationToken);
    }

    /// <summary>Publishes a draft: its values become the next, published, version.</summary>
    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var draft = await values.FindDraftAsync(id, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        // The note is a key, worded when read (like a source the system wrote), so each reader sees it in their language.
        return await RecordAsync(new NewObservation(draft.Indicator, draft.Scope, draft.Year, draft.Value, draft.Source, true, "index.note.published-draft"), cancellationToken);
    }

    private async Task<IActionResult> RecordAsync(NewObservation observation, CancellationToken cancellationToken)
    {
        try
        {
            var written = (await recorder.RecordAsync([observation], "form", cancellationToken))[0];
            this.Tell(ProblemMessage.Of("index.done.recorded", IndicatorCatalog.Find(written.Indicator)?.Name ?? new LocalizedText(written.Indicator, written.Indicator),
                GuangdongCities.ScopeName(written.Scope), written.Year, written.Version));
            return RedirectToPage();
        }
        catch (InvalidInputException e)
        {
            return await RefuseAsync(ObservationError.Among(e), cancellationToken);
        }
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyList<ObservationError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Scopes = access.WritableScopes();
        Drafts = await values.DraftsAsync(Scopes, cancellationToken);
    }
}
