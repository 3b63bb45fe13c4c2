using Funeng.Incentives.Eligibility;
using Funeng.Incentives.Programs;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>The programs, and the eligibility calculator: for the signed-in enterprise's profile, or for typed facts.</summary>
internal sealed class IndexModel(ProgramCatalog catalog, CheckEligibility check, IActor actor, UiText text) : PageModel
{
    public ProgramCatalog Catalog => catalog;

    public IReadOnlyList<ProgramVerdict>? Verdicts { get; private set; }

    public Dictionary<string, string[]> Problems { get; private set; } = [];

    /// <summary>The facts as typed, shown again in the form after checking.</summary>
    public FactValues Typed { get; private set; } = FactValues.Empty;

    /// <summary>Typed facts go with the "apply" links, so the application form starts from them; a profile check carries
    /// nothing. The untrustworthy-list answer stays behind: office staff keep that list, not the applicant.</summary>
    public string ApplyQuery => Typed.Values.Count > 0
        ? FactForm.Query(new FactValues(Typed.Values.Where(v => v.Key != FactCatalog.UntrustworthyKey).ToDictionary(), Typed.Qualifications))
        : "";

    public bool HasProfile => actor.OrganisationId is not null && actor.IsInRole(Roles.Enterprise);

    public async Task OnPostProfileAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is { } organisation)
        {
            Verdicts = await check.ForEnterpriseAsync(organisation, check.Today, cancellationToken);
        }
    }

    public async Task OnPostFactsAsync(CancellationToken cancellationToken)
    {
        var facts = FactForm.Read(Request.Form, catalog.Facts);
        Typed = facts;
        Problems = InvalidInputException.Describe(check.Validate(facts), text);
        if (Problems.Count == 0)
        {
            Verdicts = await check.ForFactsAsync(facts, check.Today, cancellationToken);
        }
    }
}
