using Funeng.Incentives.Contracts;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Compute, which turns a voucher award into a compute voucher, when Incentives runs alone: takes every
/// award event delivered to it and records it, so a test can say what reached Compute and when.
/// </summary>
public sealed class FakeVoucherAwardHandler : IVoucherAwardHandler
{
    public FakeCalls Calls { get; } = new();

    /// <summary>The awards delivered so far, in delivery order.</summary>
    public IReadOnlyList<VoucherAward> Delivered => [.. Calls.Of(nameof(HandleAsync)).Select(c => (VoucherAward)c.Arguments[0]!)];

    public Task HandleAsync(VoucherAward award, CancellationToken cancellationToken = default)
    {
        Calls.Record([award]);
        return Task.CompletedTask;
    }
}
