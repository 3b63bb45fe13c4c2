using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute.Requests;

[Authorize]
internal sealed class IndexModel(RequestQueries requests, VoucherQueries vouchers) : PageModel
{
    public IReadOnlyList<RequestView> Jobs { get; private set; } = [];

    public IReadOnlyList<VoucherView> Vouchers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Jobs = await requests.MineAsync(cancellationToken);
        Vouchers = await vouchers.MineAsync(cancellationToken);
    }
}
