using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>Compiling a list: quotas come from the policy pack; a figure typed here serves only sectors the pack says nothing about.</summary>
[Authorize(Roles = Roles.OfficeStaff + "," + Roles.CityStaff)]
internal sealed class NewListModel(CompileScenarioList compile) : ScenariosPage
{
    [BindProperty] public string? TitleZh { get; set; }

    [BindProperty] public string? TitleEn { get; set; }

    [BindProperty] public int Year { get; set; } = 2026;

    [BindProperty] public string? Scope { get; set; } = "city:guangzhou";

    [BindProperty] public List<string> Sectors { get; set; } = [];

    [BindProperty] public int? ManualTarget { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var quotas = Sectors.Select(s => new QuotaRequest(s == "all" ? null : s, null, null)).ToList();
        try
        {
            var (id, errors) = await compile.CreateAsync(new CreateListRequest(TitleZh, TitleEn, Year, Scope, quotas), cancellationToken);
            if (id is null && ManualTarget is > 0)
            {
                // Sectors the pack has no target for take the typed figure; the pack's own figures still win.
                quotas = quotas.Select((q, i) => errors.ContainsKey($"quotas[{i}].target") ? q with { Target = ManualTarget } : q).ToList();
                (id, errors) = await compile.CreateAsync(new CreateListRequest(TitleZh, TitleEn, Year, Scope, quotas), cancellationToken);
            }

            Errors = errors;
            if (id is null)
            {
                return Page();
            }

            Confirm("scenarios.lists.created");
            return Redirect($"/scenarios/lists/{id}");
        }
        catch (Kernel.Web.DomainRuleException e)
        {
            Error = e.InReadersLanguage(HttpContext);
            return Page();
        }
    }
}
