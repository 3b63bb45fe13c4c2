namespace Funeng.Incentives.Contracts;

/// <summary>
/// Told of every change of a compute-voucher award (approved, made from a result, paid, clawed back) after it
/// commits: Incentives records the change in its outbox in the same transaction and delivers it right after the
/// commit, and a background worker delivers whatever a crash left undelivered. Delivery is at least once and in
/// commit order, so an implementation must make the voucher match <see cref="VoucherAward"/> idempotently. The
/// Compute module implements it; a message no handler in a process can take waits for a process that can.
/// </summary>
public interface IVoucherAwardHandler
{
    /// <summary>Brings the voucher in line with the award as it stands after the change; throwing leaves the message to be delivered again.</summary>
    Task HandleAsync(VoucherAward award, CancellationToken cancellationToken = default);
}
