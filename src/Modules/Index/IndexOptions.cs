namespace Funeng.Index;

/// <summary>Options of the Index module (section <c>Index</c>).</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>
    /// How often the web host checks whether the index's inputs changed (observations, live counts, weights,
    /// targets) and, if so, recomputes the dashboard's index in the background; 0 turns the check off (a reader
    /// then computes it once, shared with every other reader of the same inputs).
    /// </summary>
    public int SnapshotRefreshSeconds { get; set; } = 5;
}
