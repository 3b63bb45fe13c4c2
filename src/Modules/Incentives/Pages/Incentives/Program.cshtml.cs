using Funeng.Incentives.Programs;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>A program as a clerk can follow it: who may apply, amounts and caps, the window, materials, the measure, how it is decided.</summary>
internal sealed class ProgramModel(ViewProgram view, IActor actor) : PageModel
{
    public ProgramSheet Sheet { get; private set; } = null!;

    /// <summary>Office staff are warned while the program cannot award; applicants are not shown the office's to-do.</summary>
    public bool ShowsReadiness => actor.IsInRole(Roles.OfficeStaff);

    public bool CanApply => actor.IsInRole(Roles.Enterprise) && Sheet.OpenToday;

    public async Task<IActionResult> OnGetAsync(string programId, CancellationToken cancellationToken)
    {
        if (await view.ViewAsync(programId, cancellationToken) is not { } sheet)
        {
            return NotFound();
        }

        Sheet = sheet;
        return Page();
    }
}
