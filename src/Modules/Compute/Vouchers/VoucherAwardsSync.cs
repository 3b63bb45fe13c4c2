using System.Text.Json;
using Funeng.Compute.Data;
using Funeng.Compute.Requests;
using Funeng.Incentives.Contracts;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

/// <summary>
/// Compute vouchers are awards of the Incentives module. Each active voucher award becomes a yuan voucher here that
/// placements debit; the voucher takes the award's id, so syncing again (after a restart, or from two requests at
/// once) can never credit an award twice. A clawed-back award closes its voucher: what is left of it can no longer
/// be spent, and debits already made stand.
/// </summary>
internal sealed class VoucherAwardsSync(ComputeDb db, IIncentiveQueries incentives, IAuditLog audit, TimeProvider time)
{
    public const string GrantedBy = "incentives";

    public async Task SyncAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (organisationId == Guid.Empty)
        {
            return;
        }

        var awards = await incentives.ListVoucherAwardsAsync(organisationId, cancellationToken);
        if (awards.Count == 0)
        {
            return;
        }

        var ids = awards.Select(a => a.AwardId).ToList();
        var known = await db.Vouchers.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var award in awards)
        {
            if (known.TryGetValue(award.AwardId, out var voucher))
            {
                if (!award.Active && (voucher.ExpiresOn is null || voucher.ExpiresOn >= today))
                {
                    await CloseAsync(voucher.Id, award, today.AddDays(-1), cancellationToken);
                }
            }
            else if (award.Active)
            {
                await CreditAsync(award, cancellationToken);
            }
        }
    }

    private async Task CreditAsync(VoucherAward award, CancellationToken cancellationToken)
    {
        var voucher = new VoucherRecord
        {
            Id = award.AwardId, OrganisationId = award.OrganisationId, Unit = VoucherUnit.Yuan, Amount = award.FaceValue,
            Note = $"Incentives award {award.ProgramId} ({award.Year}, {award.DecidedOn:yyyy-MM-dd})", GrantedBy = GrantedBy, GrantedAt = time.GetUtcNow(),
        };
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Vouchers.Add(voucher);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent("compute.voucher.awarded", "compute_voucher", voucher.Id.ToString(),
                JsonSerializer.Serialize(new { voucher.OrganisationId, award.ProgramId, award.FaceValue, award.Year }, PlaceRequests.Json)), db, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request credited the same award first: its primary key refused the second credit.
            if (!await CreditedMeanwhileAsync(award.AwardId, cancellationToken))
            {
                throw;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> CreditedMeanwhileAsync(Guid awardId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Vouchers.AsNoTracking().AnyAsync(v => v.Id == awardId, cancellationToken);
    }

    private async Task CloseAsync(Guid voucherId, VoucherAward award, DateOnly closedOn, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var voucher = await db.Vouchers.SingleAsync(v => v.Id == voucherId, cancellationToken);
        voucher.ExpiresOn = closedOn;
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent("compute.voucher.clawed_back", "compute_voucher", voucherId.ToString(),
            JsonSerializer.Serialize(new { award.OrganisationId, award.ProgramId, ClosedOn = closedOn }, PlaceRequests.Json)), db, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
