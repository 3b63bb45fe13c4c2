using Funeng.Incentives.Reports;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Incentives.Pages.Incentives;

/// <summary>Committed and paid against budget per program, year and city, with the Excel export.</summary>
[Authorize(Roles = Roles.OfficeStaff + "," + Roles.CityStaff)]
internal sealed class ReportModel(BudgetReport report, TimeProvider clock) : PageModel
{
    public BudgetReport.Report Data { get; private set; } = null!;

    public int Year { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        Year = year ?? clock.GetUtcNow().Year;
        Data = await report.BuildAsync(Year, cancellationToken);
    }
}
