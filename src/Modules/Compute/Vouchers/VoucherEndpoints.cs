using Funeng.Compute.Planning;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Compute.Vouchers;

/// <summary><c>/api/v1/compute/vouchers</c>: office staff grant (<see cref="GrantVoucher"/>); holders read theirs; <c>/reports/usage</c> what was used.</summary>
internal static class VoucherEndpoints
{
    public static async Task<Created<VoucherView>> GrantAsync(GrantVoucherInput input, GrantVoucher grant, CancellationToken cancellationToken)
    {
        var voucher = await grant.ExecuteAsync(input, cancellationToken);
        return TypedResults.Created($"/api/v1/compute/vouchers/{voucher.Id}", voucher);
    }

    /// <summary>The holder's vouchers (Incentives' awards among them, credited when they were approved).</summary>
    public static async Task<Ok<IReadOnlyList<VoucherView>>> MineAsync(VoucherQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.MineAsync(cancellationToken));

    /// <summary>Usage in <c>?month=yyyy-MM</c> (every month without it): office staff see every enterprise's, others their own.</summary>
    public static async Task<Ok<IReadOnlyList<UsageRow>>> UsageAsync(VoucherQueries queries, string? month, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.UsageAsync(ChinaMonth.ParseOptional(month, "month"), cancellationToken));
}
