using Funeng.Incentives.Applications;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>An expert's applications to review (those assigned to their organisation), and the scoring form of one.</summary>
[Authorize(Roles = Roles.Expert)]
internal sealed class ReviewModel(AssignReviewers assignments, ProgramCatalog catalog, ReviewApplication review, UiText text) : PageModel
{
    public List<AssignedApplication> Assigned { get; private set; } = [];

    public AssignedApplication? Current { get; private set; }

    public IncentiveProgram? Program { get; private set; }

    public ProgramCatalog Catalog => catalog;

    /// <summary>Points as typed (kept when the form comes back with problems) and problems by field <c>criteria.KEY</c>.</summary>
    public Dictionary<string, string?> Typed { get; private set; } = [];

    public Dictionary<string, string[]> Problems { get; private set; } = [];

    public string? Comment { get; private set; }

    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Assigned = await assignments.AssignedAsync(cancellationToken);
        if (id is { } chosen)
        {
            Current = Assigned.SingleOrDefault(a => a.Id == chosen);
            if (Current is null)
            {
                return NotFound();
            }

            Program = catalog.Get(Current.ProgramId);
            var given = Current.Mine?.Points ?? new Dictionary<string, int>();
            Typed = Program.Criteria.ToDictionary(c => c.Key, c => given.TryGetValue(c.Key, out var p) ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
            Comment = Current.Mine?.Comment;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? comment, CancellationToken cancellationToken)
    {
        var application = (await assignments.AssignedAsync(cancellationToken)).SingleOrDefault(a => a.Id == id);
        if (application is null)
        {
            return NotFound();
        }

        var program = catalog.Get(application.ProgramId);
        Typed = program.Criteria.ToDictionary(c => c.Key, c => (string?)Request.Form["criteria." + c.Key].ToString());
        var points = Typed.ToDictionary(t => t.Key, t => int.TryParse(t.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : (int?)null);
        try
        {
            var (_, problems) = await review.ScoreAsync(id, points, comment, cancellationToken);
            if (problems.Count == 0)
            {
                this.Tell(ProblemMessage.Of("incentives.done.scored", application.ReceiptNumber ?? application.ApplicantName, program.Name));
                return RedirectToPage(new { id = (Guid?)null });
            }

            Problems = InvalidInputException.Describe(problems, text);
        }
        catch (DomainRuleException e)
        {
            Refused = e.InReadersLanguage(HttpContext);
        }

        Comment = comment;
        Assigned = await assignments.AssignedAsync(cancellationToken);
        (Current, Program) = (application, program);
        return Page();
    }
}
