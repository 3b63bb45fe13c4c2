namespace Funeng.Compute.Engines;

/// <summary>
/// What runs a placed job at a centre. A pool names its engine; the module talks to every engine through this
/// interface. A Kubernetes engine fits beside the simulator and Slurm: Submit creates a batch/v1 Job (parallelism =
/// devices, a GPU resource limit), GetState reads its status conditions, Cancel deletes it.
/// </summary>
internal interface IComputeEngine
{
    /// <summary>The name pools use (<c>simulator</c>, <c>slurm</c>).</summary>
    string Name { get; }

    /// <summary>Hands the job to the engine; returns the engine's id for it.</summary>
    Task<string> SubmitAsync(EngineJob job, CancellationToken cancellationToken);

    Task<EngineJobState> GetStateAsync(EngineJob job, string externalId, CancellationToken cancellationToken);

    Task CancelAsync(string externalId, CancellationToken cancellationToken);
}

/// <summary>
/// A placed job as an engine sees it. <paramref name="Run"/> is the registered program and its argv (given at
/// submission; null holds the devices for the planned time, as a reservation would).
/// </summary>
internal sealed record EngineJob(Guid RequestId, string Name, int Devices, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, JobSpec? Run);

/// <summary>What an engine runs for a job: a registered program and its arguments, each one argv element.</summary>
internal sealed record JobSpec(string Template, string EntryPoint, IReadOnlyList<string> Arguments)
{
    /// <summary>The template name of a job that only holds its devices for the planned time.</summary>
    public const string Reservation = "reserve";
}

/// <summary>An engine that can say what nodes it has (Slurm: <c>scontrol show node</c>).</summary>
internal interface INodeInventory
{
    Task<IReadOnlyList<ReportedNode>> ListNodesAsync(CancellationToken cancellationToken);
}

/// <summary>A node as its engine reports it: CPU in milli-cores, memory in MiB, GPUs and their model, and the engine's state word.</summary>
internal sealed record ReportedNode(string Name, int CpuMilli, int MemoryMib, int Gpus, string GpuModel, string State);

internal enum EngineJobState
{
    Pending,
    Running,
    Finished,
    Failed,
    Cancelled,
    /// <summary>The engine no longer knows the job.</summary>
    Unknown,
}

/// <summary>An engine refused or failed a command; the message says what it answered.</summary>
internal sealed class EngineException(string message) : Exception(message);

/// <summary>Finds the engine a pool names.</summary>
internal sealed class EngineDirectory(IEnumerable<IComputeEngine> engines)
{
    private readonly Dictionary<string, IComputeEngine> _byName = engines.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IComputeEngine Get(string name) =>
        _byName.TryGetValue(name, out var engine) ? engine : throw new EngineException($"No engine named '{name}' is configured (known: {string.Join(", ", _byName.Keys)}).");
}
