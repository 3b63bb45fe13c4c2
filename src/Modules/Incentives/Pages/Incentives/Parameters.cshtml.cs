using Funeng.Incentives.Programs;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>
/// Office staff set program parameters from a date: first the figures the pack left unset (no award until they
/// are), then new values. Each value joins the parameter's history; a decision keeps the value of its own date.
/// </summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class ParametersModel(ProgramCatalog catalog, ViewProgram programs, SetProgramParameter set, TimeProvider clock, UiText texts) : PageModel
{
    public IReadOnlyList<ParameterSheet> Programs { get; private set; } = [];

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The form that was posted (program/parameter), with its problems by field and the values typed.</summary>
    public (string Program, string Name)? Posted { get; private set; }

    public Dictionary<string, string[]> Problems { get; private set; } = [];

    public string? TypedValue { get; private set; }

    public string? TypedFrom { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Programs = await programs.ParametersAsync(Today, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string programId, string name, string? value, string? effectiveFrom, CancellationToken cancellationToken)
    {
        decimal? number = null;
        if (decimal.TryParse(value?.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
        }

        DateOnly? from = DateOnly.TryParseExact(effectiveFrom, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
        var problems = await set.SetAsync(programId, name, number, from, cancellationToken);
        if (problems.Count == 0)
        {
            this.Tell(ProblemMessage.Of("incentives.done.parameter-set", catalog.Get(programId).Name, SetProgramParameter.Label(name, texts), number!.Value, from!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            return RedirectToPage();
        }

        (Posted, Problems, TypedValue, TypedFrom) = ((programId, name), InvalidInputException.Describe(problems, texts), value, effectiveFrom);
        Programs = await programs.ParametersAsync(Today, cancellationToken);
        return Page();
    }
}
