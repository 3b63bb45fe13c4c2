using Funeng.Incentives.Programs;
using Funeng.Incentives.Reports;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>A program as a clerk can follow it: who may apply, amounts and caps, the window, materials, the measure, how it is decided.</summary>
internal sealed class ProgramModel(ViewProgram view, BudgetReport report, IActor actor) : PageModel
{
    public ProgramSheet Sheet { get; private set; } = null!;

    /// <summary>For those who may read the budget report: the program's money this year, from that report's own figures.</summary>
    public BudgetReport.ProgramYear? Money { get; private set; }

    public bool ShowsMoney => actor.IsInRole(Roles.OfficeStaff) || actor.IsInRole(Roles.CityStaff);

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
        if (ShowsMoney)
        {
            var year = sheet.Today.Year;
            Money = (await report.BuildAsync(year, cancellationToken)).Programs.SingleOrDefault(p => p.ProgramId == programId)
                ?? new BudgetReport.ProgramYear(programId, sheet.Program.Name.Zh, year, 0m, 0m, 0m, 0m, 0, 0m);
        }

        return Page();
    }
}
