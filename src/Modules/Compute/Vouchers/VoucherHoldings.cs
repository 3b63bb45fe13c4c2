using System.Globalization;
using Funeng.Compute.Data;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Vouchers;

internal sealed record VoucherView(Guid Id, Guid OrganisationId, VoucherUnit Unit, decimal Granted, decimal Remaining, ProblemMessage Note, DateTimeOffset GrantedAt, DateOnly? ExpiresOn);

/// <summary>How a voucher's amount reads (vouchers are read by <see cref="VoucherQueries"/>).</summary>
internal static class VoucherHoldings
{
    /// <summary>An amount with its unit, in the reader's language (yuan, or device-hours: 卡时).</summary>
    public static string Format(VoucherUnit unit, decimal amount, UiText text) =>
        text.Format(unit == VoucherUnit.Yuan ? "compute.voucher.yuan" : "compute.voucher.device-hours", amount.ToString("N2", CultureInfo.InvariantCulture));
}
