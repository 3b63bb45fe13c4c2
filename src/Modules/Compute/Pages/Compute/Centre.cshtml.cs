using Funeng.Compute.Registry;
using Funeng.Compute.Requests;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute;

/// <summary>A compute-centre operator keeps its centres' status, pools and prices current on a page.</summary>
[Authorize(Roles = Roles.ComputeOperator + "," + Roles.OfficeStaff)]
internal sealed class CentreModel(RegistryQueries registry, SetPoolPrice setPrice, ChangeCentreStatus changeStatus) : PageModel, IShowsProblems
{
    public IReadOnlyList<OperatedCentre> Centres { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostPriceAsync(Guid poolId, decimal? price, CancellationToken cancellationToken)
    {
        Saved = await setPrice.ExecuteAsync(poolId, price, cancellationToken);
        return RedirectToPage();
    }

    /// <summary>Takes a centre down (its jobs go back to the queue and are placed elsewhere) or brings it up.</summary>
    public async Task<IActionResult> OnPostStatusAsync(Guid centreId, bool up, CancellationToken cancellationToken)
    {
        var result = await changeStatus.ExecuteAsync(centreId, up, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("compute.operator.problem.no-centre"), "centreId", 404);
        this.Tell(ProblemMessage.Of(result.Up ? "compute.operator.status-up" : "compute.operator.status-down", result.JobsReturnedToQueue, result.JobsPlaced));
        return RedirectToPage();
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken) => Centres = await registry.OperatedCentresAsync(cancellationToken);
}
