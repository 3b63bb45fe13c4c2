using System.Globalization;
using Funeng.Compute.Data;
using Funeng.Incentives.Contracts;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

/// <summary>
/// Compute vouchers are awards of the Incentives module, pushed here after each change of a voucher award commits
/// (<see cref="IVoucherAwardHandler"/>). An active award becomes a yuan voucher that placements debit; the voucher
/// takes the award's id, so a message delivered twice (or by two processes at once) can never credit an award
/// twice. A clawed-back award closes its voucher: what is left can no longer be spent, and debits made stand.
/// </summary>
internal sealed class CreditVoucherAwards(ComputeDb db, IAuditLog audit, TimeProvider time) : IVoucherAwardHandler
{
    public const string GrantedBy = "incentives";

    public async Task HandleAsync(VoucherAward award, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(award);
        var voucher = await db.Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == award.AwardId, cancellationToken);
        var today = ChinaTime.Today(time);
        if (voucher is null && award.Active)
        {
            await CreditAsync(award, cancellationToken);
        }
        else if (voucher is not null && !award.Active && (voucher.ExpiresOn is null || voucher.ExpiresOn >= today))
        {
            await CloseAsync(voucher.Id, award, today.AddDays(-1), cancellationToken);
        }
    }

    private async Task CreditAsync(VoucherAward award, CancellationToken cancellationToken)
    {
        var voucher = new VoucherRecord
        {
            Id = award.AwardId, OrganisationId = award.OrganisationId, Unit = VoucherUnit.Yuan, Amount = award.FaceValue,
            Note = StoredMessage.Write(ProblemMessage.Of("compute.vouchers.award-note", award.ProgramId, award.Year, award.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), GrantedBy = GrantedBy, GrantedAt = time.GetUtcNow(),
        };
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Vouchers.Add(voucher);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("compute.voucher.awarded", "compute_voucher", voucher.Id.ToString(),
                ProblemMessage.Of("compute.audit.voucher-awarded", voucher.OrganisationId.ToString(), award.ProgramId, award.Year, award.FaceValue)), db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another deliverer credited the same award first: its primary key refused this second credit.
            db.Entry(voucher).State = EntityState.Detached;
            if (!await db.Vouchers.AsNoTracking().AnyAsync(v => v.Id == voucher.Id, cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task CloseAsync(Guid voucherId, VoucherAward award, DateOnly closedOn, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var voucher = await db.Vouchers.SingleAsync(v => v.Id == voucherId, cancellationToken);
        voucher.ExpiresOn = closedOn;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.voucher.clawed_back", "compute_voucher", voucherId.ToString(),
            ProblemMessage.Of("compute.audit.voucher-closed", award.OrganisationId.ToString(), award.ProgramId, closedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
