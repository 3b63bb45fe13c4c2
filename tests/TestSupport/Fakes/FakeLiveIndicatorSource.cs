using Funeng.Kernel.Indicators;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for every module that counts live figures for Index (Scenarios, Catalog, Incentives, Compute) when
/// Index runs alone: answers the values the test set, and records each read.
/// </summary>
public sealed class FakeLiveIndicatorSource : ILiveIndicatorSource
{
    private volatile IReadOnlyList<LiveObservation> _answer = [];

    public FakeCalls Calls { get; } = new();

    /// <summary>What every following read answers (nothing until set; <c>Answer()</c> clears it).</summary>
    public void Answer(params LiveObservation[] values) => _answer = values;

    public Task<IReadOnlyList<LiveObservation>> ReadAsync(CancellationToken cancellationToken)
    {
        Calls.Record([]);
        return Task.FromResult(_answer);
    }
}
