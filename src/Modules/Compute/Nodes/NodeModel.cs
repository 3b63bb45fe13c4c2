namespace Funeng.Compute.Nodes;

/// <summary>
/// One machine of a pool: CPU (milli-cores), memory (MiB) and GPUs of one model. Each GPU's free share is kept in
/// milli-GPU (1000 = a whole free GPU), so a job can take a share of one GPU or several whole GPUs.
/// </summary>
internal sealed class GpuNode
{
    public const int Whole = 1000;

    public GpuNode(int index, string name, string model, int modelId, int cpuMilli, int memoryMib, int gpus)
    {
        if (gpus is < 0 or > 16 || cpuMilli < 0 || memoryMib < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gpus), $"Node {name}: 0-16 GPUs and non-negative CPU and memory.");
        }

        (Index, Name, Model, ModelId, CpuMilli, MemoryMib) = (index, name, model, modelId, cpuMilli, memoryMib);
        (CpuFree, MemoryFree) = (cpuMilli, memoryMib);
        GpuFree = [.. Enumerable.Repeat(Whole, gpus)];
    }

    public int Index { get; }
    public string Name { get; }
    public string Model { get; }
    public int ModelId { get; }
    public int CpuMilli { get; }
    public int MemoryMib { get; }
    public int Gpus => GpuFree.Length;
    public int CpuFree { get; private set; }
    public int MemoryFree { get; private set; }

    /// <summary>Free milli-GPU of each GPU.</summary>
    public int[] GpuFree { get; }

    /// <summary>Bumped on every change, so cached scores of this node know they are stale.</summary>
    public int Version { get; private set; }

    public int FreeMilli
    {
        get
        {
            var sum = 0;
            foreach (var g in GpuFree)
            {
                sum += g;
            }

            return sum;
        }
    }

    public int WholeFree
    {
        get
        {
            var n = 0;
            foreach (var g in GpuFree)
            {
                if (g == Whole)
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Whether the job fits now (CPU, memory, GPU model and GPUs).</summary>
    public bool Fits(in NodeDemand d) =>
        d.CpuMilli <= CpuFree && d.MemoryMib <= MemoryFree && d.Allows(ModelId) && FitsGpus(GpuFree, d);

    /// <summary>Whether the GPUs (free milli each) can hold the job's GPU demand.</summary>
    public static bool FitsGpus(ReadOnlySpan<int> free, in NodeDemand d)
    {
        if (d.Gpus == 0)
        {
            return true;
        }

        if (d.IsShare)
        {
            foreach (var g in free)
            {
                if (g >= d.GpuMilli)
                {
                    return true;
                }
            }

            return false;
        }

        var whole = 0;
        foreach (var g in free)
        {
            if (g == Whole && ++whole >= d.Gpus)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The GPU a share goes on by default: the fullest GPU that still holds it (best fit); -1 for none.</summary>
    public int BestShareGpu(int milli)
    {
        var best = -1;
        for (var g = 0; g < GpuFree.Length; g++)
        {
            if (GpuFree[g] >= milli && (best < 0 || GpuFree[g] < GpuFree[best]))
            {
                best = g;
            }
        }

        return best;
    }

    /// <summary>Takes the job's resources; <paramref name="shareGpu"/> is the GPU a share goes on. Returns what was taken, to give back.</summary>
    public NodeAllocation Allocate(in NodeDemand d, int shareGpu)
    {
        if (!Fits(d))
        {
            throw new InvalidOperationException($"The job does not fit on {Name}.");
        }

        CpuFree -= d.CpuMilli;
        MemoryFree -= d.MemoryMib;
        Version++;
        if (d.Gpus == 0)
        {
            return new NodeAllocation(Index, d, 0);
        }

        if (d.IsShare)
        {
            var g = shareGpu >= 0 && GpuFree[shareGpu] >= d.GpuMilli ? shareGpu : BestShareGpu(d.GpuMilli);
            GpuFree[g] -= d.GpuMilli;
            return new NodeAllocation(Index, d, 1 << g);
        }

        var mask = 0;
        for (int g = 0, taken = 0; g < GpuFree.Length && taken < d.Gpus; g++)
        {
            if (GpuFree[g] == Whole)
            {
                GpuFree[g] = 0;
                mask |= 1 << g;
                taken++;
            }
        }

        return new NodeAllocation(Index, d, mask);
    }

    /// <summary>A node like this one, with nothing running, at position <paramref name="index"/> of its cluster.</summary>
    public GpuNode EmptyAt(int index) => new(index, Name, Model, ModelId, CpuMilli, MemoryMib, Gpus);

    public void Release(NodeAllocation a)
    {
        CpuFree += a.Demand.CpuMilli;
        MemoryFree += a.Demand.MemoryMib;
        Version++;
        for (var g = 0; g < GpuFree.Length; g++)
        {
            if ((a.GpuMask & (1 << g)) != 0)
            {
                GpuFree[g] += a.Demand.IsShare ? a.Demand.GpuMilli : Whole;
            }
        }
    }
}

/// <summary>
/// What a job asks of one node: CPU, memory, and either whole GPUs (1-8) or a share of one GPU
/// (<see cref="GpuMilli"/> &lt; 1000 with <see cref="Gpus"/> = 1), optionally only on some GPU models
/// (<see cref="ModelMask"/>, a bit per model id; 0 = any).
/// </summary>
internal readonly record struct NodeDemand(int CpuMilli, int MemoryMib, int Gpus, int GpuMilli, ulong ModelMask)
{
    public bool IsShare => Gpus == 1 && GpuMilli < GpuNode.Whole;

    /// <summary>GPUs asked for, in milli-GPU.</summary>
    public int TotalMilli => Gpus == 0 ? 0 : IsShare ? GpuMilli : Gpus * GpuNode.Whole;

    public bool Allows(int modelId) => ModelMask == 0 || (ModelMask & (1UL << modelId)) != 0;

    /// <summary>A demand checked as a request would be: whole GPUs 0-8, a share 1-999 milli of one GPU.</summary>
    public static NodeDemand Create(int cpuMilli, int memoryMib, int gpus, int gpuMilli, ulong modelMask = 0)
    {
        if (cpuMilli < 0 || memoryMib < 0 || gpus is < 0 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(gpus), "CPU and memory are non-negative; GPUs are 0 to 8 on one node.");
        }

        if (gpus == 1 && gpuMilli is < 1 or > GpuNode.Whole)
        {
            throw new ArgumentOutOfRangeException(nameof(gpuMilli), "A share of one GPU is 1 to 1000 milli-GPU.");
        }

        return new NodeDemand(cpuMilli, memoryMib, gpus, gpus == 0 ? 0 : gpus > 1 ? GpuNode.Whole : gpuMilli, modelMask);
    }
}

/// <summary>What one job holds on one node (the GPUs as a bit mask), to give back when it ends.</summary>
internal readonly record struct NodeAllocation(int Node, NodeDemand Demand, int GpuMask);

/// <summary>GPU model names as small ids (bits of <see cref="NodeDemand.ModelMask"/>).</summary>
internal sealed class GpuModels
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public IReadOnlyList<string> Names => _names;

    public int Id(string model)
    {
        if (!_ids.TryGetValue(model, out var id))
        {
            if (_names.Count == 64)
            {
                throw new InvalidOperationException("At most 64 GPU models.");
            }

            id = _ids[model] = _names.Count;
            _names.Add(model);
        }

        return id;
    }

    /// <summary>The mask for a list like <c>V100M16|V100M32</c>; empty means any model.</summary>
    public ulong Mask(string? models)
    {
        var mask = 0UL;
        foreach (var m in (models ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mask |= 1UL << Id(m);
        }

        return mask;
    }
}

/// <summary>A pool's (or a whole cluster's) nodes.</summary>
internal sealed class NodeCluster(IReadOnlyList<GpuNode> nodes, GpuModels models)
{
    public IReadOnlyList<GpuNode> Nodes { get; } = nodes;
    public GpuModels Models { get; } = models;
    public int TotalGpus { get; } = nodes.Sum(n => n.Gpus);

    /// <summary>The largest node's CPU and GPUs: what best-fit measures what is left against.</summary>
    public int MaxCpuMilli { get; } = nodes.Count == 0 ? 0 : nodes.Max(n => n.CpuMilli);
    public int MaxGpus { get; } = nodes.Count == 0 ? 0 : nodes.Max(n => n.Gpus);

    public long FreeMilli => Nodes.Sum(n => (long)n.FreeMilli);

    /// <summary>The same nodes, empty, in a random order (renumbered): the order in which they take ties.</summary>
    public NodeCluster EmptyInRandomOrder(Random random)
    {
        var order = Nodes.ToArray();
        random.Shuffle(order);
        return new NodeCluster([.. order.Select((n, i) => n.EmptyAt(i))], Models);
    }
}
