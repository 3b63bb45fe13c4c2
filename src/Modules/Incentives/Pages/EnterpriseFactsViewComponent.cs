using Funeng.Incentives.Profiles;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Incentives.Pages;

/// <summary>
/// The facts an enterprise keeps for incentive programs, as a form any page can show: the catalog profile page shows
/// it under the fields it keeps itself (<c>@await Component.InvokeAsync("EnterpriseFacts")</c>), so an enterprise
/// edits its one record in one place. Shows nothing to anyone but an enterprise's member.
/// </summary>
public sealed class EnterpriseFactsViewComponent(IServiceProvider services) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyDictionary<string, string[]>? problems = null, string? returnUrl = null)
    {
        var actor = services.GetRequiredService<IActor>();
        if (actor.OrganisationId is null || !actor.IsInRole(Roles.Enterprise))
        {
            return Content("");
        }

        var profiles = services.GetRequiredService<EnterpriseProfiles>();
        return View(new EnterpriseFactsForm(profiles.KeptHere, await profiles.OwnFactsAsync(HttpContext.RequestAborted),
            problems ?? new Dictionary<string, string[]>(), returnUrl ?? HttpContext.Request.Path));
    }
}

/// <summary>What the enterprise-facts form shows.</summary>
internal sealed record EnterpriseFactsForm(IReadOnlyList<Rules.FactDefinition> Facts, Rules.FactValues Values, IReadOnlyDictionary<string, string[]> Problems, string ReturnUrl);
