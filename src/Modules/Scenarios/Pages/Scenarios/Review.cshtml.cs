using Funeng.Kernel.Security;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Authorization;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>Submitted scenarios waiting for the reviewer (office staff: all; city staff: their city).</summary>
[Authorize(Roles = Roles.OfficeStaff + "," + Roles.CityStaff)]
internal sealed class ReviewModel(GetScenarios scenarios) : ScenariosPage
{
    public IReadOnlyList<ScenarioView> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Queue = await scenarios.ListAsync(new GetScenarios.Filter(Queue: true), cancellationToken);
}
