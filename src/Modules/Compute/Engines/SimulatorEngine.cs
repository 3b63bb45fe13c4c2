namespace Funeng.Compute.Engines;

/// <summary>
/// The built-in engine: runs nothing, and reports each job running between its planned start and end by the
/// clock. The default for pools whose centre has no cluster connected yet, and for demos.
/// </summary>
internal sealed class SimulatorEngine(TimeProvider time) : IComputeEngine
{
    public const string EngineName = "simulator";

    public string Name => EngineName;

    public Task<string> SubmitAsync(EngineJob job, CancellationToken cancellationToken) =>
        Task.FromResult($"sim-{job.RequestId:N}");

    public Task<EngineJobState> GetStateAsync(EngineJob job, string externalId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = now >= job.PlannedEnd ? EngineJobState.Finished : now >= job.PlannedStart ? EngineJobState.Running : EngineJobState.Pending;
        return Task.FromResult(state);
    }

    public Task CancelAsync(string externalId, CancellationToken cancellationToken) => Task.CompletedTask;
}
