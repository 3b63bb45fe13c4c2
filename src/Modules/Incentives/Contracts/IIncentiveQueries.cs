namespace Funeng.Incentives.Contracts;

/// <summary>A compute voucher awarded to an enterprise under a voucher program.</summary>
/// <param name="AwardId">The award's id; a voucher debit refers to it.</param>
/// <param name="ProgramId">The voucher program (e.g. <c>compute-vouchers</c>).</param>
/// <param name="OrganisationId">The enterprise holding the voucher.</param>
/// <param name="FaceValue">The voucher's value in yuan.</param>
/// <param name="Year">The budget year it was awarded in.</param>
/// <param name="DecidedOn">The date of the award.</param>
/// <param name="Active">False once clawed back.</param>
public sealed record VoucherAward(Guid AwardId, string ProgramId, Guid OrganisationId, decimal FaceValue, int Year, DateOnly DecidedOn, bool Active);

/// <summary>What other modules read of Incentives (the Compute module reads vouchers).</summary>
public interface IIncentiveQueries
{
    /// <summary>The voucher awards of an enterprise, newest first.</summary>
    Task<IReadOnlyList<VoucherAward>> ListVoucherAwardsAsync(Guid organisationId, CancellationToken cancellationToken = default);
}
