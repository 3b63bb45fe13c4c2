using Funeng.Compute.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Compute.Pages.Compute;

internal sealed class IndexModel(RegistryQueries registry) : PageModel
{
    public IReadOnlyList<CentreView> Centres { get; private set; } = [];

    public IReadOnlyList<ScopeCapacity> Capacity { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Centres = await registry.CentresAsync(cancellationToken);
        Capacity = await registry.CapacityAsync(cancellationToken);
    }
}
