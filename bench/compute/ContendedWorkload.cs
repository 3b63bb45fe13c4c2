using Funeng.Compute.Nodes;

/// <summary>
/// A time-ordered pod list made to contend for the cluster: the list repeated <see cref="Copies"/> times and its
/// arrivals <see cref="Rate"/> times faster. Copy j arrives j/copies of the mean gap between the list's own arrivals
/// (at that rate) after the original, so the copies interleave evenly and keep the trace's bursts and every pod's
/// traced duration. The paper samples with replacement instead, but its inflation experiment has no clock; copies keep
/// the arrival process the JCT figures depend on, need no seed, and make the demand exactly copies × the list's.
/// Times are whole trace seconds, so once the gap falls under a second the copies arrive with their original.
/// </summary>
internal sealed record ContendedWorkload(int Copies, int Rate)
{
    public IReadOnlyList<NodePod> Of(IReadOnlyList<NodePod> traced)
    {
        var span = traced.Max(p => p.Created) - traced.Min(p => p.Created);
        var gap = span / (double)traced.Count / Rate;
        return [.. Enumerable.Range(0, Copies).SelectMany(copy => traced.Select(p =>
            p with { Name = copy == 0 ? p.Name : $"{p.Name}#{copy}", Created = p.Created / Rate + (long)Math.Round(copy * gap / Copies) }))];
    }

    /// <summary>Whole GPUs' worth asked by the pods that run at once if none ever waited: the most the cluster would have to hold.</summary>
    public static double PeakDemand(IEnumerable<NodePod> pods)
    {
        var events = pods.Where(p => p.Duration > 0)
            .SelectMany(p => new[] { (At: p.Created, Milli: p.Demand.TotalMilli), (At: p.Created + p.Duration, Milli: -p.Demand.TotalMilli) })
            .OrderBy(e => e.At).ThenBy(e => e.Milli);
        long now = 0, peak = 0;
        foreach (var e in events)
        {
            now += e.Milli;
            peak = Math.Max(peak, now);
        }

        return peak / (double)GpuNode.Whole;
    }
}
