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

/// <summary>The application form, generated from the facts the program reads and the documents it asks for, prefilled from the profile.</summary>
[Authorize(Roles = Roles.Enterprise)]
internal sealed class ApplyModel(ProgramCatalog catalog, EnterpriseProfiles profiles, SubmitApplication submit, ReviewApplication review, IActor actor) : PageModel
{
    public IncentiveProgram Program { get; private set; } = null!;

    public FactCatalog Facts => catalog.Facts;

    public FactValues Profile { get; private set; } = FactValues.Empty;

    public string? Error { get; private set; }

    public async Task OnGetAsync(string programId, CancellationToken cancellationToken)
    {
        Program = catalog.Get(programId);
        Profile = (await profiles.ViewAsync(EnterpriseProfiles.Own(actor), cancellationToken)).Facts;
    }

    public async Task<IActionResult> OnPostAsync(string programId, CancellationToken cancellationToken)
    {
        Program = catalog.Get(programId);
        var answers = FactForm.Read(Request.Form, catalog.Facts);
        try
        {
            var problems = profiles.Validate(answers);
            if (problems.Count > 0)
            {
                throw new DomainRuleException(string.Join(" ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")));
            }

            var application = await submit.SubmitAsync(programId, answers, cancellationToken);
            foreach (var file in Request.Form.Files.Where(f => f.Length > 0))
            {
                await using var content = file.OpenReadStream();
                await review.AttachAsync(application.Id, file.Name, file.FileName, file.ContentType, content, file.Length, cancellationToken);
            }

            return Redirect("/incentives/awards");
        }
        catch (DomainRuleException e)
        {
            Error = e.Message;
            Profile = SubmitApplication.Merge((await profiles.ViewAsync(EnterpriseProfiles.Own(actor), cancellationToken)).Facts, answers);
            return Page();
        }
    }
}
