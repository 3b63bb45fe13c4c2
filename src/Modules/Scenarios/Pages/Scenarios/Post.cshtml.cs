using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>The owner's post form: a new draft, or an edit of a draft or returned scenario.</summary>
[Authorize(Roles = Roles.ScenarioOwner)]
internal sealed class PostModel(EditScenario edit) : ScenariosPage
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Problem { get; set; }

    [BindProperty] public string? ExpectedOutcome { get; set; }

    [BindProperty] public string? Sector { get; set; } = "elder_care";

    [BindProperty] public string? City { get; set; } = "guangzhou";

    [BindProperty] public string? District { get; set; }

    [BindProperty] public string? DataAvailable { get; set; }

    [BindProperty] public decimal? BudgetMin { get; set; }

    [BindProperty] public decimal? BudgetMax { get; set; }

    [BindProperty] public DateOnly? Deadline { get; set; }

    [BindProperty] public string? ContactName { get; set; }

    [BindProperty] public string? ContactDetail { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await edit.FormAsync(id, cancellationToken) is not { } form)
            {
                return NotFound();
            }

            (Title, Problem, ExpectedOutcome, Sector, City, District, DataAvailable, BudgetMin, BudgetMax, Deadline, ContactName, ContactDetail) = form;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new ScenarioInput(Title, Problem, ExpectedOutcome, Sector, City, District, DataAvailable, BudgetMin, BudgetMax, Deadline, ContactName, ContactDetail);
        try
        {
            if (Id is { } id)
            {
                Errors = await edit.UpdateAsync(id, input, cancellationToken);
            }
            else
            {
                (Id, Errors) = await edit.CreateAsync(input, cancellationToken);
            }
        }
        catch (Kernel.Web.DomainRuleException e)
        {
            Error = e.InReadersLanguage(HttpContext);
            return Page();
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        Confirm("scenarios.post.saved");
        return Redirect($"/scenarios/{Id}");
    }
}
