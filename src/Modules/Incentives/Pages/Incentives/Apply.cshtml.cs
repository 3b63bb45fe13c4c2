using Funeng.Incentives.Applications;
using Funeng.Incentives.Profiles;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>The steps of an application, shown as a task list above the form.</summary>
internal enum ApplyStep
{
    Facts,
    Check,
}

/// <summary>
/// An application as a task list: the facts the program reads (prefilled from the profile, and from the calculator
/// when its "apply" link carried typed facts), then a check-your-answers step with the documents, then a receipt
/// number. The answers travel in the form between the steps; nothing is written until the applicant submits.
/// </summary>
[Authorize(Roles = Roles.Enterprise)]
internal sealed class ApplyModel(ProgramCatalog catalog, EnterpriseProfiles profiles, SubmitApplication submit, ReviewApplication review, IActor actor) : PageModel, IShowsProblems
{
    public IncentiveProgram Program { get; private set; } = null!;

    public FactCatalog Facts => catalog.Facts;

    /// <summary>The answers shown: the profile with anything typed or carried over on top.</summary>
    public FactValues Answers { get; private set; } = FactValues.Empty;

    public ApplyStep Step { get; private set; } = ApplyStep.Facts;

    public IReadOnlyList<string> Asked => Program.FactsNeeded(catalog.Facts).Where(k => k != FactCatalog.UntrustworthyKey).ToList();

    public async Task OnGetAsync(string programId, CancellationToken cancellationToken)
    {
        Program = catalog.Get(programId);
        Answers = SubmitApplication.Merge(await ProfileAsync(cancellationToken), FactForm.Read(Request.Query, catalog.Facts));
    }

    /// <summary>Facts given: check them, then show them back with the documents to attach.</summary>
    public async Task OnPostCheckAsync(string programId, CancellationToken cancellationToken)
    {
        Program = catalog.Get(programId);
        var typed = FactForm.Read(Request.Form, catalog.Facts);
        Answers = SubmitApplication.Merge(await ProfileAsync(cancellationToken), typed);
        InvalidInputException.ThrowIfAny(profiles.Validate(typed));
        Step = ApplyStep.Check;
    }

    /// <summary>Back from the check to the facts, with everything as it was typed.</summary>
    public void OnPostChange(string programId)
    {
        Program = catalog.Get(programId);
        Answers = FactForm.Read(Request.Form, catalog.Facts);
    }

    public async Task<IActionResult> OnPostSubmitAsync(string programId, CancellationToken cancellationToken)
    {
        Program = catalog.Get(programId);
        var answers = FactForm.Read(Request.Form, catalog.Facts);
        Answers = answers;
        InvalidInputException.ThrowIfAny(profiles.Validate(answers));
        // Refusals from here on (not eligible, already open, outside the window) show on the check step.
        Step = ApplyStep.Check;

        // Each file is checked (a document the program asks for, within the size limit) as it is attached; the
        // application and its documents are one submission from the applicant's side.
        var application = await submit.SubmitAsync(programId, answers, cancellationToken);
        foreach (var file in Request.Form.Files.Where(f => f.Length > 0))
        {
            await using var content = file.OpenReadStream();
            await review.AttachAsync(application.Id, file.Name, file.FileName, file.ContentType, content, file.Length, cancellationToken);
        }

        return Redirect($"/incentives/applications/{application.ReceiptNumber}?submitted=true");
    }

    /// <summary>After a refusal the page shows again as it was: the answers and the step are already set.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<FactValues> ProfileAsync(CancellationToken cancellationToken) =>
        (await profiles.ViewAsync(EnterpriseProfiles.Own(actor), cancellationToken)).Facts;
}
