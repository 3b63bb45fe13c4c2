using Funeng.Compute.Planning;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute;

/// <summary>Where and when registered capacity runs short of the requests, by city and month, and the gap to the pack's targets.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class PlanningModel(PlanCapacity plan) : PageModel
{
    public CapacityPlan Plan { get; private set; } = new([], [], [], false);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plan = await plan.ExecuteAsync(cancellationToken);
}
