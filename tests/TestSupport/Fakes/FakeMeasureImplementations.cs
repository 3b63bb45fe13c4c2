using Funeng.Kernel.Measures;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for every module that says which of its things implement a policy measure (Scenarios, Catalog,
/// Incentives, Compute, Index) when Policy runs alone: answers what the test set, and records each read.
/// </summary>
public sealed class FakeMeasureImplementations : IMeasureImplementations
{
    private volatile IReadOnlyList<MeasureImplementation> _answer = [];

    public FakeCalls Calls { get; } = new();

    /// <summary>What every following read answers (nothing until set).</summary>
    public void Answer(params MeasureImplementation[] implementations) => _answer = implementations;

    public Task<IReadOnlyList<MeasureImplementation>> ListAsync(CancellationToken cancellationToken = default)
    {
        Calls.Record([]);
        return Task.FromResult(_answer);
    }
}
