using Funeng.Kernel.Workbench;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for the modules that put lines on a person's workbench (Policy, Scenarios, Catalog, Incentives, Compute,
/// Index) when Platform, whose page shows them, runs alone: answers what the test set, and records each read.
/// </summary>
public sealed class FakeWorkbenchSource : IWorkbenchSource
{
    private volatile IReadOnlyList<WorkItem> _answer = [];

    public FakeCalls Calls { get; } = new();

    /// <summary>What every following read answers (nothing until set).</summary>
    public void Answer(params WorkItem[] items) => _answer = items;

    public Task<IReadOnlyList<WorkItem>> ItemsAsync(CancellationToken cancellationToken = default)
    {
        Calls.Record([]);
        return Task.FromResult(_answer);
    }
}
