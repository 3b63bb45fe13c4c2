using System.Globalization;
using Funeng.Kernel.Security;
using Funeng.Platform.Audit;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Funeng.Platform.Pages.Account;

/// <summary>
/// Office staff read the latest audit entries, worded for them (<see cref="AuditTrail"/>), and whether the whole
/// chain still verifies.
/// </summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class AuditModel(IAuditLog audit, AuditTrail trail) : PageModel
{
    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public AuditVerification Verification { get; private set; } = new(0, null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Verification = await audit.VerifyAsync(cancellationToken: cancellationToken);
        Entries = await trail.LatestAsync(200, CultureInfo.CurrentUICulture, cancellationToken);
    }
}
