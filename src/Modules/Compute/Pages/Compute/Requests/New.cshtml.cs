using Funeng.Compute.Data;
using Funeng.Compute.Requests;
using Funeng.Compute.Vouchers;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Pages.Compute.Requests;

[Authorize(Roles = Roles.Enterprise)]
internal sealed class NewModel(ComputeDb db, CurrentUser user, IAuditLog audit, PlaceRequests placer, VoucherAwardsSync awards, TimeProvider time) : PageModel
{
    [BindProperty] public string Title { get; set; } = "";
    [BindProperty] public List<string> Accelerators { get; set; } = [];
    [BindProperty] public double? MinTflops { get; set; }
    [BindProperty] public double? MinMemoryGb { get; set; }
    [BindProperty] public int Devices { get; set; } = 1;
    [BindProperty] public double EstimatedHours { get; set; } = 1;
    [BindProperty] public DateTime? Deadline { get; set; }
    [BindProperty] public string DataCity { get; set; } = "guangzhou";
    [BindProperty] public double? MaxLatencyMs { get; set; }
    [BindProperty] public decimal? Budget { get; set; }
    [BindProperty] public List<Guid> VoucherIds { get; set; } = [];

    public IReadOnlyList<string> KnownAccelerators { get; private set; } = [];
    public IReadOnlyList<VoucherView> Vouchers { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new SubmitRequestInput(Title, Accelerators, MinTflops, MinMemoryGb, Devices, EstimatedHours, null,
            Deadline is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null, DataCity, MaxLatencyMs, Budget, VoucherIds, null);
        var (errors, id) = await SubmitRequest.SubmitAsync(input, db, user, audit, placer, awards, time, cancellationToken);
        if (id is not null)
        {
            return Redirect($"/compute/requests/{id}");
        }

        Errors = errors;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        KnownAccelerators = await db.Pools.Select(p => p.Accelerator).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        await awards.SyncAsync(user.OrganisationId ?? Guid.Empty, cancellationToken);
        Vouchers = await ManageVouchers.ListAsync(db, user.OrganisationId ?? Guid.Empty, time, cancellationToken);
    }
}
