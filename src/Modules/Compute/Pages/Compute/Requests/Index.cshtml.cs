using Funeng.Compute.Data;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute.Requests;

[Authorize]
internal sealed class IndexModel(ComputeDb db, IActor actor, TimeProvider time) : PageModel
{
    public IReadOnlyList<RequestView> Jobs { get; private set; } = [];

    public IReadOnlyList<VoucherView> Vouchers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = actor.OrganisationId ?? Guid.Empty;
        Jobs = await RequestView.LoadManyAsync(db, db.Requests.Where(r => r.OrganisationId == organisation), cancellationToken);
        Vouchers = await VoucherHoldings.ListAsync(db, organisation, time, cancellationToken);
    }
}
