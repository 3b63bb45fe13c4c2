using Funeng.Compute.Data;
using Funeng.Compute.Planning;
using Funeng.Compute.Registry;
using Funeng.Compute.Requests;
using Funeng.Compute.Scheduling;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute;

[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class OfficeModel(RegistryQueries registry, RequestQueries requests, VoucherQueries vouchers, SetPlacementPolicy setPolicy, GrantVoucher grantVoucher, IOrganisationDirectory organisations) : PageModel, IShowsProblems
{
    public IReadOnlyList<CentreUtilisation> Utilisation { get; private set; } = [];
    public IReadOnlyList<UsageRow> Usage { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public string Policy { get; private set; } = "";

    /// <summary>The month whose usage is shown (<c>?month=yyyy-MM</c>); every month without it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(ChinaMonth.ParseOptional(Month, "month"), cancellationToken);

    public async Task<IActionResult> OnPostPolicyAsync(string policy, CancellationToken cancellationToken)
    {
        await setPolicy.ExecuteAsync(policy, cancellationToken);
        this.Tell(ProblemMessage.Of("compute.done.policy", ProblemMessage.Of("compute.policy." + policy)));
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostVoucherAsync(Guid organisationId, VoucherUnit unit, decimal amount, string note, CancellationToken cancellationToken)
    {
        await grantVoucher.ExecuteAsync(new GrantVoucherInput(organisationId, unit, amount, note ?? "", null), cancellationToken);
        this.Tell(ProblemMessage.Of("compute.office.granted"));
        await LoadAsync(null, cancellationToken);
        return Page();
    }

    // After a refusal (a month that is not one, a voucher without a reason) the page shows every month's usage.
    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    private async Task LoadAsync(ChinaMonth? month, CancellationToken cancellationToken)
    {
        Utilisation = await registry.UtilisationAsync(cancellationToken);
        Usage = await vouchers.UsageAsync(month, cancellationToken);
        Organisations = await organisations.ListAsync(OrganisationKind.Enterprise, cancellationToken);
        Policy = PolicyNames.Of(await requests.PolicyAsync(cancellationToken));
    }
}
