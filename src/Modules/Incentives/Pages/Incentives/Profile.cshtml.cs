using Funeng.Incentives.Profiles;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>
/// The enterprise's facts for incentive programs (revenue, R&amp;D spend, project answers). Its city, size, sectors
/// and qualifications are kept on its catalog profile, which shows this same form; saving from there returns there.
/// </summary>
[Authorize(Roles = Kernel.Security.Roles.Enterprise)]
internal sealed class ProfileModel(EnterpriseProfiles profiles, ProgramCatalog catalog, UiText text) : PageModel
{
    public IReadOnlyDictionary<string, string[]> Problems { get; private set; } = new Dictionary<string, string[]>();

    public bool Saved => Request.Query.ContainsKey("saved");

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        Problems = InvalidInputException.Describe(await profiles.UpdateOwnFactsAsync(FactForm.Read(Request.Form, catalog.Facts), cancellationToken), text);
        if (Problems.Count > 0)
        {
            return Page();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/incentives/profile";
        return LocalRedirect(RedirectTarget.Encoded(back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "saved=1#enterprise-facts"));
    }
}
