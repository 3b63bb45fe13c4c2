using System.Globalization;
using Funeng.Compute.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

internal sealed record VoucherView(Guid Id, Guid OrganisationId, VoucherUnit Unit, decimal Granted, decimal Remaining, ProblemMessage Note, DateTimeOffset GrantedAt, DateOnly? ExpiresOn);

/// <summary>An organisation's vouchers with what remains of each, and how an amount reads.</summary>
internal static class VoucherHoldings
{
    public static async Task<IReadOnlyList<VoucherView>> ListAsync(ComputeDb db, Guid organisationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var balances = (await VoucherDebits.BalancesAsync(db, organisationId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken)).ToDictionary(b => b.Id);
        var vouchers = await db.Vouchers.AsNoTracking().Where(v => v.OrganisationId == organisationId).OrderBy(v => v.GrantedAt).ToListAsync(cancellationToken);
        return [.. vouchers.Select(v => new VoucherView(v.Id, v.OrganisationId, v.Unit, v.Amount, balances[v.Id].Remaining, StoredMessages.ReadNote(v.Note), v.GrantedAt, v.ExpiresOn))];
    }

    /// <summary>An amount with its unit, in the reader's language (yuan, or device-hours: 卡时).</summary>
    public static string Format(VoucherUnit unit, decimal amount, UiText text) =>
        text.Format(unit == VoucherUnit.Yuan ? "compute.voucher.yuan" : "compute.voucher.device-hours", amount.ToString("N2", CultureInfo.InvariantCulture));
}
