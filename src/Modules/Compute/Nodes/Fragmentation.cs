namespace Funeng.Compute.Nodes;

/// <summary>One kind of job in the target workload and how often it comes (its weights sum to 1).</summary>
internal readonly record struct WorkloadClass(NodeDemand Demand, double Weight);

/// <summary>
/// The fragmentation measure of Weng et al. (USENIX ATC '23, "Beware of Fragmentation"), as their simulator
/// computes it (hkust-adsl/kubernetes-scheduler-simulator, <c>pkg/utils/frag.go</c>, <c>NodeGpuShareFragAmount</c>).
/// For a node n and a target workload M (kinds of jobs and how often each comes), F_n(M) = Σ_m p_m · F_n(m), where
/// F_n(m) is the free GPU capacity of n that a job of kind m cannot use: all of it if m asks for no GPU, or cannot
/// run on n at all (the wrong model, too little CPU, too few GPUs with room for it); otherwise the GPUs whose free
/// share is below what m needs on one GPU (a partly used GPU for a whole-GPU job, a GPU with less left than the
/// share). Memory plays no part: the paper models CPU and GPU only (their <c>PodResource</c> has no memory), so a
/// node short of memory is not counted as fragmented; the scheduler still refuses a node without the memory.
/// Measured in milli-GPU. Results are memoised by node state (model, free CPU, the multiset of GPU shares), since a
/// cluster has far fewer states than nodes.
/// </summary>
internal sealed class Fragmentation
{
    private readonly WorkloadClass[] _classes;
    private readonly Dictionary<StateKey, double> _memo = [];

    public Fragmentation(IEnumerable<WorkloadClass> classes)
    {
        _classes = [.. classes.Where(c => c.Weight > 0)];
        var total = _classes.Sum(c => c.Weight);
        if (_classes.Length == 0)
        {
            throw new ArgumentException("The target workload needs at least one job kind with a positive weight.", nameof(classes));
        }

        _classes = [.. _classes.Select(c => c with { Weight = c.Weight / total })];
    }

    public IReadOnlyList<WorkloadClass> Classes => _classes;

    /// <summary>The share of a pod list the target workload covers: its most frequent kinds up to 95 % of the pods.</summary>
    public const double PopularityThreshold = 0.95;

    /// <summary>
    /// The target workload of a list of jobs as the paper's simulator builds it (<c>GetTypicalPods</c>, with the
    /// experiments' settings: CPU-only jobs included, popularity threshold 95 %, one kind at a time): a kind is a
    /// job's CPU, GPU count, GPU share and allowed models (not its memory); kinds are taken from the most frequent
    /// down until they cover 95 % of the jobs, and weighted by their counts.
    /// </summary>
    public static Fragmentation Of(IEnumerable<NodeDemand> jobs)
    {
        var kinds = jobs.GroupBy(d => d with { MemoryMib = 0 })
            .Select(g => new WorkloadClass(g.Key, g.Count()))
            .OrderByDescending(c => c.Weight).ThenByDescending(c => c.Demand.CpuMilli).ThenByDescending(c => c.Demand.GpuMilli)
            .ThenByDescending(c => c.Demand.Gpus).ThenByDescending(c => c.Demand.ModelMask)
            .ToList();
        var wanted = PopularityThreshold * kinds.Sum(c => c.Weight);
        var covered = 0.0;
        var taken = 0;
        while (covered < wanted)
        {
            covered += kinds[taken++].Weight;
        }

        return new(kinds.Take(taken));
    }

    /// <summary>F_n(M) of a node as it is now.</summary>
    public double Of(GpuNode node) => Of(node.ModelId, node.CpuFree, node.GpuFree);

    /// <summary>F_n(M) of a node state (possibly hypothetical).</summary>
    public double Of(int modelId, int cpuFree, ReadOnlySpan<int> gpuFree)
    {
        Span<int> sorted = stackalloc int[gpuFree.Length];
        gpuFree.CopyTo(sorted);
        sorted.Sort();
        var key = StateKey.Of(modelId, cpuFree, sorted);
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
                if (d.Gpus == 0 || d.CpuMilli > cpuFree || !d.Allows(modelId) || !GpuNode.FitsGpus(sorted, d))
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
        public static StateKey Of(int modelId, int cpu, ReadOnlySpan<int> sorted)
        {
            Span<ulong> words = stackalloc ulong[4];
            for (var i = 0; i < sorted.Length; i++)
            {
                words[i / 5] |= (ulong)(uint)sorted[i] << (11 * (i % 5) + 8);
            }

            words[0] |= (uint)sorted.Length;
            return new StateKey(((long)modelId << 56) ^ cpu, words[0], words[1], words[2], words[3]);
        }
    }
}
