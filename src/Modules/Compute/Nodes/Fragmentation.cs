namespace Funeng.Compute.Nodes;

/// <summary>One kind of job in the target workload and how often it comes (its weights sum to 1).</summary>
internal readonly record struct WorkloadClass(NodeDemand Demand, double Weight);

/// <summary>
/// The fragmentation measure of Weng et al. (USENIX ATC '23, "Beware of Fragmentation"). For a node n and a target
/// workload M (the kinds of GPU jobs and how often each comes), F_n(M) = Σ_m p_m · F_n(m), where F_n(m) is the free
/// GPU capacity of n that a job of kind m cannot use: all of it if m does not fit on n at all (too little CPU or
/// memory, too few GPUs, the wrong model), otherwise the GPUs whose free share is below what m needs on one GPU
/// (a partly used GPU for a whole-GPU job, a GPU with less left than the share). Jobs that ask for no GPU leave out
/// of M: no GPU is a fragment for them. Measured in milli-GPU. Results are memoised by node state (model, free
/// CPU, free memory, the multiset of GPU shares), since a cluster has far fewer states than nodes.
/// </summary>
internal sealed class Fragmentation
{
    private readonly WorkloadClass[] _classes;
    private readonly Dictionary<StateKey, double> _memo = [];

    public Fragmentation(IEnumerable<WorkloadClass> classes)
    {
        _classes = [.. classes.Where(c => c.Demand.Gpus > 0)];
        var total = _classes.Sum(c => c.Weight);
        if (_classes.Length == 0 || total <= 0)
        {
            throw new ArgumentException("The target workload needs at least one job kind that asks for a GPU.", nameof(classes));
        }

        _classes = [.. _classes.Select(c => c with { Weight = c.Weight / total })];
    }

    public IReadOnlyList<WorkloadClass> Classes => _classes;

    /// <summary>The target workload of a list of jobs: each distinct demand, weighted by how often it occurs.</summary>
    public static Fragmentation Of(IEnumerable<NodeDemand> jobs) =>
        new(jobs.Where(d => d.Gpus > 0).GroupBy(d => d).Select(g => new WorkloadClass(g.Key, g.Count())));

    /// <summary>F_n(M) of a node as it is now.</summary>
    public double Of(GpuNode node) => Of(node.ModelId, node.CpuFree, node.MemoryFree, node.GpuFree);

    /// <summary>F_n(M) of a node state (possibly hypothetical).</summary>
    public double Of(int modelId, int cpuFree, int memoryFree, ReadOnlySpan<int> gpuFree)
    {
        Span<int> sorted = stackalloc int[gpuFree.Length];
        gpuFree.CopyTo(sorted);
        sorted.Sort();
        var key = StateKey.Of(modelId, cpuFree, memoryFree, sorted);
        if (_memo.TryGetValue(key, out var memo))
        {
            return memo;
        }

        var sum = 0;
        foreach (var g in sorted)
        {
            sum += g;
        }

        var f = 0.0;
        if (sum > 0)
        {
            foreach (var c in _classes)
            {
                var d = c.Demand;
                if (d.CpuMilli > cpuFree || d.MemoryMib > memoryFree || !d.Allows(modelId) || !GpuNode.FitsGpus(sorted, d))
                {
                    f += c.Weight * sum;
                    continue;
                }

                var need = d.IsShare ? d.GpuMilli : GpuNode.Whole;
                var unusable = 0;
                foreach (var g in sorted)
                {
                    if (g < need)
                    {
                        unusable += g;
                    }
                }

                f += c.Weight * unusable;
            }
        }

        if (_memo.Count > 1_000_000)
        {
            _memo.Clear();
        }

        _memo[key] = f;
        return f;
    }

    /// <summary>Σ_n F_n(M) over a cluster, in milli-GPU.</summary>
    public double OfCluster(NodeCluster cluster) => cluster.Nodes.Sum(n => Of(n));

    /// <summary>A node state as a dictionary key: up to 16 GPU shares of 11 bits each, five to a word.</summary>
    private readonly record struct StateKey(long Head, ulong A, ulong B, ulong C, ulong D)
    {
        public static StateKey Of(int modelId, int cpu, int memory, ReadOnlySpan<int> sorted)
        {
            Span<ulong> words = stackalloc ulong[4];
            for (var i = 0; i < sorted.Length; i++)
            {
                words[i / 5] |= (ulong)(uint)sorted[i] << (11 * (i % 5) + 8);
            }

            words[0] |= (uint)sorted.Length;
            return new StateKey(((long)modelId << 56) ^ ((long)cpu << 28) ^ memory, words[0], words[1], words[2], words[3]);
        }
    }
}
