using Funeng.Compute.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Compute.Vouchers;

/// <summary>A voucher with what is left of it.</summary>
internal sealed record VoucherBalance(Guid Id, VoucherUnit Unit, decimal Granted, decimal Remaining);

/// <summary>
/// How a placement draws on vouchers: device-hour vouchers cover device-hours first, yuan vouchers then cover
/// the cost of what is left, in the order the request listed them; the enterprise pays the rest.
/// </summary>
internal static class VoucherDebits
{
    public static (IReadOnlyList<(Guid VoucherId, decimal Amount)> Debits, decimal PaidByEnterprise) Split(
        IReadOnlyList<VoucherBalance> vouchers, decimal cost, double deviceHours)
    {
        var debits = new List<(Guid, decimal)>();
        var hoursLeft = (decimal)deviceHours;
        var totalHours = hoursLeft;
        foreach (var v in vouchers.Where(v => v.Unit == VoucherUnit.DeviceHours && v.Remaining > 0))
        {
            var take = Math.Min(v.Remaining, decimal.Round(hoursLeft, 2));
            if (take > 0)
            {
                debits.Add((v.Id, take));
                hoursLeft -= take;
            }
        }

        var costLeft = totalHours == 0 ? 0 : decimal.Round(cost * Math.Max(hoursLeft, 0) / totalHours, 2);
        foreach (var v in vouchers.Where(v => v.Unit == VoucherUnit.Yuan && v.Remaining > 0))
        {
            var take = Math.Min(v.Remaining, costLeft);
            if (take > 0)
            {
                debits.Add((v.Id, take));
                costLeft -= take;
            }
        }

        return (debits, costLeft);
    }

    public static async Task<IReadOnlyList<VoucherBalance>> BalancesAsync(ComputeDb db, Guid organisationId, DateOnly today, CancellationToken cancellationToken)
    {
        var vouchers = await db.Vouchers.Where(v => v.OrganisationId == organisationId).OrderBy(v => v.GrantedAt).ToListAsync(cancellationToken);
        var ids = vouchers.Select(v => v.Id).ToList();
        var debits = (await db.VoucherDebits.Where(d => ids.Contains(d.VoucherId)).ToListAsync(cancellationToken)).ToLookup(d => d.VoucherId);
        return [.. vouchers.Select(v => new VoucherBalance(v.Id, v.Unit, v.Amount,
            v.ExpiresOn is { } expires && expires < today ? 0 : v.Amount - debits[v.Id].Sum(d => d.Amount)))];
    }
}
