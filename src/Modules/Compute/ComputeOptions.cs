namespace Funeng.Compute;

/// <summary>Options of the Compute module (section <c>Compute</c>).</summary>
public sealed class ComputeOptions
{
    public const string Section = "Compute";

    /// <summary>How often engines are asked about their jobs and the queue is placed again; 0 turns the watcher off.</summary>
    public int WatchIntervalSeconds { get; set; } = 10;
}
