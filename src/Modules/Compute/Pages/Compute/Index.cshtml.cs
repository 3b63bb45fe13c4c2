using Funeng.Compute.Data;
using Funeng.Compute.Registry;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute;

internal sealed class IndexModel(ComputeDb db, IPolicyQueries policy) : PageModel
{
    public IReadOnlyList<CentreView> Centres { get; private set; } = [];

    public IReadOnlyList<ScopeCapacity> Capacity { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Centres = await CentreView.LoadAsync(db, cancellationToken);
        Capacity = await Registry.Capacity.ByScopeAsync(db, policy, cancellationToken);
    }
}
