using Funeng.Incentives.Awards;
using Funeng.Incentives.Programs;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>For office staff: one award and its double-entry legs in the budget ledger, with their totals.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class AwardLedgerModel(AwardLedger ledger, ProgramCatalog catalog) : PageModel
{
    public AwardLedgerView View { get; private set; } = null!;

    public ProgramCatalog Catalog => catalog;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ledger.ReadAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
