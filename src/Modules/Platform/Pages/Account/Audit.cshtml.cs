using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Pages.Account;

/// <summary>Office staff read the latest audit entries and whether the whole chain still verifies.</summary>
[Authorize(Roles = Roles.OfficeStaff)]
internal sealed class AuditModel(PlatformDb db, IAuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public AuditVerification Verification { get; private set; } = new(0, null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Verification = await audit.VerifyAsync(cancellationToken: cancellationToken);
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(200).ToListAsync(cancellationToken);
    }
}
