using Funeng.Compute.Data;
using Funeng.Kernel.Security;

namespace Funeng.Compute.Vouchers;

/// <summary>Reads of vouchers and usage as the actor may see them (pages and API).</summary>
internal sealed class VoucherQueries(ComputeDb db, IActor actor, TimeProvider time)
{
    /// <summary>The vouchers of the actor's organisation (none without an organisation).</summary>
    public Task<IReadOnlyList<VoucherView>> MineAsync(CancellationToken cancellationToken) => HeldByAsync(actor.OrganisationId ?? Guid.Empty, cancellationToken);

    /// <summary>An organisation's vouchers; the caller has checked the actor may see them.</summary>
    public Task<IReadOnlyList<VoucherView>> HeldByAsync(Guid organisationId, CancellationToken cancellationToken) =>
        VoucherHoldings.ListAsync(db, organisationId, time, cancellationToken);

    /// <summary>Usage in <paramref name="month"/> (every month when null): office staff see every enterprise's, others their own.</summary>
    public Task<IReadOnlyList<UsageRow>> UsageAsync(string? month, CancellationToken cancellationToken) =>
        UsageReport.BuildAsync(db, actor.IsInRole(Roles.OfficeStaff) ? null : actor.OrganisationId ?? Guid.Empty, month, cancellationToken);
}
