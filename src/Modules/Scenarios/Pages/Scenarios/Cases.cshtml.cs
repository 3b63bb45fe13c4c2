using Funeng.Kernel.Security;
using Funeng.Scenarios.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Funeng.Scenarios.Pages.Scenarios;

/// <summary>Typical and benchmark cases; office staff designate benchmarks within the year's quota.</summary>
internal sealed class CasesModel(CaseCommands cases, IActor actor) : ScenariosPage
{
    public IReadOnlyList<CaseView> Cases { get; private set; } = [];

    public bool IsOffice => actor.IsInRole(Roles.OfficeStaff);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cases = await cases.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostDesignateAsync(Guid id, CancellationToken cancellationToken) =>
        TryAsync(() => cases.DesignateAsync(id, null, cancellationToken), "scenarios.cases.designated", () => RedirectToPage());
}
