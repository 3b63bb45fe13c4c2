using Funeng.Kernel.Security;
using Funeng.Scenarios.Lists;
using Funeng.Scenarios.Posts;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

internal sealed class IndexModel(GetScenarios scenarios, GetScenarioLists lists, IActor actor) : ScenariosPage
{
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public bool IsOwner => actor.IsInRole(Roles.ScenarioOwner);

    public bool IsEnterprise => actor.IsInRole(Roles.Enterprise);

    public bool IsReviewer => actor.IsInRole(Roles.OfficeStaff) || actor.IsInRole(Roles.CityStaff);

    public IReadOnlyList<ScenarioView> Scenarios { get; private set; } = [];

    public IReadOnlyList<ScenarioListView> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scenarios = await scenarios.ListAsync(new GetScenarios.Filter(Empty(Sector), Empty(City), Mine && actor.IsAuthenticated), cancellationToken);
        Lists = await lists.ListAsync(cancellationToken);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
