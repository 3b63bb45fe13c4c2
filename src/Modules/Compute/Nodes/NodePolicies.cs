namespace Funeng.Compute.Nodes;

/// <summary>
/// Where a job goes on a pool's nodes, and why: the policy, the node, the GPU a share goes on (-1 otherwise), the
/// policy's score there, and how many nodes could have taken it. Its text is <c>compute.node-why.CODE</c> in
/// strings.json (both languages), with the score as its argument.
/// </summary>
internal sealed record NodeChoice(string Policy, int Node, string NodeName, string Model, int ShareGpu, double Score, int Feasible)
{
    public string Code => Policy.Replace('-', '_');

    /// <summary>The explanation in the reader's language.</summary>
    public string Describe(Funeng.Kernel.Localization.UiText text) => text.Format("compute.node-why." + Code, NodeName, Model, Score, Feasible);
}

/// <summary>A node-level placement policy: chooses the node (and GPU) of one job among the nodes allowed.</summary>
internal abstract class NodePolicy
{
    public abstract string Name { get; }

    /// <summary>The choice, or null if no allowed node fits. <paramref name="excluded"/> (-1 for none) is a node the job may not use.</summary>
    public NodeChoice? Choose(NodeCluster cluster, in NodeDemand demand, int excluded = -1)
    {
        var best = -1;
        var bestGpu = -1;
        var bestScore = double.PositiveInfinity;
        var bestRank = double.PositiveInfinity;
        var feasible = 0;
        var nodes = cluster.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (i == excluded || !node.Fits(demand))
            {
                continue;
            }

            feasible++;
            var (score, gpu) = Score(cluster, node, demand);
            var rank = Rank(score);
            if (rank < bestRank)
            {
                (best, bestGpu, bestScore, bestRank) = (i, gpu, score, rank);
                if (StopAtFirst)
                {
                    break;
                }
            }
        }

        return best < 0 ? null : new NodeChoice(Name, best, nodes[best].Name, nodes[best].Model, bestGpu, Reported(bestScore), feasible);
    }

    /// <summary>Places the job where <see cref="Choose"/> says; null if nowhere.</summary>
    public (NodeChoice Choice, NodeAllocation Allocation)? Place(NodeCluster cluster, in NodeDemand demand, int excluded = -1)
    {
        var choice = Choose(cluster, demand, excluded);
        return choice is null ? null : (choice, cluster.Nodes[choice.Node].Allocate(demand, choice.ShareGpu));
    }

    /// <summary>The policy's score of the node (what the explanation reports); the GPU a share goes on (-1 for the default).</summary>
    protected abstract (double Score, int ShareGpu) Score(NodeCluster cluster, GpuNode node, in NodeDemand demand);

    /// <summary>What nodes are compared by, lower is better; the first node in the pool's order wins a tie.</summary>
    protected virtual double Rank(double score) => score;

    protected virtual bool StopAtFirst => false;

    protected virtual double Reported(double score) => score;

    /// <summary>The default GPU for a share: the fullest that holds it.</summary>
    protected static int ShareGpu(GpuNode node, in NodeDemand demand) => demand.IsShare ? node.BestShareGpu(demand.GpuMilli) : -1;

    public static IReadOnlyList<string> Names { get; } = ["first-fit", "best-fit", "dot-product", "fgd"];

    /// <summary>The policy of a name; FGD needs the target workload.</summary>
    public static NodePolicy Create(string name, Fragmentation? workload) => name switch
    {
        "first-fit" => new FirstFit(),
        "best-fit" => new BestFit(),
        "dot-product" => new DotProduct(),
        "fgd" => new Fgd(workload ?? throw new ArgumentNullException(nameof(workload), "FGD needs the target workload.")),
        _ => throw new ArgumentException($"'{name}' is not a node policy ({string.Join(", ", Names)}).", nameof(name)),
    };
}

/// <summary>The first node, in the pool's order, that fits.</summary>
internal sealed class FirstFit : NodePolicy
{
    public override string Name => "first-fit";

    protected override bool StopAtFirst => true;

    protected override (double Score, int ShareGpu) Score(NodeCluster cluster, GpuNode node, in NodeDemand demand) => (node.Index, ShareGpu(node, demand));
}

/// <summary>
/// The node left with the least free resources, as the FGD paper's simulator scores it (<c>best_fit_score.go</c>):
/// half the CPU and half the GPU left after placement, each as a share of the largest node's (its constants, 128
/// cores and 8 GPUs, are the openb cluster's largest node), so on mixed nodes a node with fewer GPUs counts as fuller.
/// Nodes are compared by Kubernetes' integer node score ⌊100 · (1 − score)⌋, as there: nodes within one point tie,
/// and the first node in the pool's order (their lowest name) takes the tie.
/// </summary>
internal sealed class BestFit : NodePolicy
{
    public override string Name => "best-fit";

    protected override (double Score, int ShareGpu) Score(NodeCluster cluster, GpuNode node, in NodeDemand demand)
    {
        var cpu = cluster.MaxCpuMilli == 0 ? 0 : (double)(node.CpuFree - demand.CpuMilli) / cluster.MaxCpuMilli * 0.5;
        var gpu = cluster.MaxGpus == 0 ? 0 : (double)(node.FreeMilli - demand.TotalMilli) / (cluster.MaxGpus * GpuNode.Whole) * 0.5;
        return (cpu + gpu, ShareGpu(node, demand));
    }

    protected override double Rank(double score) => -Math.Truncate((1.0 - score) * 100);
}

/// <summary>
/// Tetris's alignment: the dot product of the job's demand and the node's free resources (CPU, memory, GPU, each
/// normalised by the node's capacity); the node with the largest product wins (reported as that product).
/// </summary>
internal sealed class DotProduct : NodePolicy
{
    public override string Name => "dot-product";

    protected override (double Score, int ShareGpu) Score(NodeCluster cluster, GpuNode node, in NodeDemand demand)
    {
        double Part(double asked, double free, double capacity) => capacity == 0 ? 0 : asked / capacity * (free / capacity);
        var dot = Part(demand.CpuMilli, node.CpuFree, node.CpuMilli) + Part(demand.MemoryMib, node.MemoryFree, node.MemoryMib)
            + Part(demand.TotalMilli, node.FreeMilli, node.Gpus * (double)GpuNode.Whole);
        return (-dot, ShareGpu(node, demand));
    }

    protected override double Reported(double score) => -score;
}

/// <summary>
/// Fragmentation gradient descent (Weng et al., ATC '23): the node, and for a share the GPU, whose fragmentation
/// F_n(M) grows least when the job is placed there (reported as that growth in milli-GPU). Compared as the paper's
/// simulator compares them (<c>fgd_score.go</c>): by Kubernetes' integer node score ⌊100 · σ(−growth / 1000)⌋, so
/// growths within about 40 milli-GPU of each other tie and the first node (or GPU) in order takes the tie. This is
/// what the published figures measure: ranked by the exact growth instead, FGD left 487 whole GPUs idle on the
/// gpushare100 list at 130 % arrived (best-fit 77) and lost to best-fit by 39 % (bench/results/compute.md).
/// </summary>
/// <remarks>
/// A node's score for a demand only changes when the node changes, and one placement changes one node, so scores are
/// kept per node and demand until the node's <see cref="GpuNode.Version"/> moves on: without that, every decision
/// recomputed F_n(M) for every fitting node (bench/results/compute.md: 5,863 decisions a second on the trace's 1,213
/// nodes without the cache, 27,912 with it, in the same run). A queue holds few
/// distinct demands (151 in the default pod list), so a node's cache stays small. <paramref name="cacheScores"/> false
/// scores every node afresh, the reference the cached scores are tested against.
/// </remarks>
internal sealed class Fgd(Fragmentation workload, bool cacheScores = true) : NodePolicy
{
    private NodeScores?[] _nodes = [];
    private readonly Dictionary<NodeDemand, int> _demandIds = [];
    private NodeDemand _lastDemand;
    private int _lastDemandId = -1;

    public override string Name => "fgd";

    public Fragmentation Workload => workload;

    /// <summary>Kubernetes' node score of a growth (0-100, higher is better), negated so that lower is better.</summary>
    protected override double Rank(double growth) => -Math.Truncate(1.0 / (1.0 + Math.Exp(growth / 1000)) * 100);

    protected override (double Score, int ShareGpu) Score(NodeCluster cluster, GpuNode node, in NodeDemand demand)
    {
        if (!cacheScores)
        {
            return Growth(node, demand, workload.Of(node));
        }

        // One decision asks every node about the same demand: find its id once, not once per node.
        if (_lastDemandId < 0 || !demand.Equals(_lastDemand))
        {
            if (!_demandIds.TryGetValue(demand, out _lastDemandId))
            {
                _lastDemandId = _demandIds[demand] = _demandIds.Count;
            }

            _lastDemand = demand;
        }

        var scores = ScoresOf(node);
        return scores.Get(_lastDemandId) ?? scores.Set(_lastDemandId, Growth(node, demand, scores.Now));
    }

    /// <summary>How much F_n(M) grows when the job is placed on the node whose fragmentation is now <paramref name="before"/>.</summary>
    private (double Score, int ShareGpu) Growth(GpuNode node, in NodeDemand demand, double before)
    {
        var cpu = node.CpuFree - demand.CpuMilli;
        Span<int> after = stackalloc int[node.Gpus];
        node.GpuFree.CopyTo(after);
        if (demand.Gpus == 0)
        {
            return (workload.Of(node.ModelId, cpu, after) - before, -1);
        }

        if (!demand.IsShare)
        {
            for (int g = 0, taken = 0; g < after.Length && taken < demand.Gpus; g++)
            {
                if (after[g] == GpuNode.Whole)
                {
                    after[g] = 0;
                    taken++;
                }
            }

            return (workload.Of(node.ModelId, cpu, after) - before, -1);
        }

        // A share: try each GPU that holds it (GPUs with the same free share give the same state); the first GPU of
        // the best rank takes it, as in the paper's simulator.
        var best = double.PositiveInfinity;
        var bestRank = double.PositiveInfinity;
        var bestGpu = -1;
        for (var g = 0; g < after.Length; g++)
        {
            var free = node.GpuFree[g];
            if (free < demand.GpuMilli || node.GpuFree.AsSpan(0, g).Contains(free))
            {
                continue;
            }

            after[g] = free - demand.GpuMilli;
            var delta = workload.Of(node.ModelId, cpu, after) - before;
            after[g] = free;
            var rank = Rank(delta);
            if (rank < bestRank)
            {
                (best, bestRank, bestGpu) = (delta, rank, g);
            }
        }

        return (best, bestGpu);
    }

    /// <summary>The node's cached fragmentation and scores, outdated when the node (or the cluster) is not the one they were computed for.</summary>
    private NodeScores ScoresOf(GpuNode node)
    {
        if (_nodes.Length <= node.Index)
        {
            Array.Resize(ref _nodes, Math.Max(node.Index + 1, _nodes.Length * 2));
        }

        var scores = _nodes[node.Index] ??= new NodeScores();
        if (!ReferenceEquals(scores.Node, node) || scores.Version != node.Version)
        {
            scores.Renew(node, workload.Of(node));
        }

        return scores;
    }

    /// <summary>One node's scores by demand id; a score counts only if computed in the node's current generation.</summary>
    private sealed class NodeScores
    {
        private (double Score, int ShareGpu)[] _scores = [];
        private int[] _generationOf = [];
        private int _generation;

        public GpuNode? Node { get; private set; }
        public int Version { get; private set; }
        public double Now { get; private set; }

        /// <summary>Outdates every score at once (cheaper than clearing them).</summary>
        public void Renew(GpuNode node, double now) => (Node, Version, Now, _generation) = (node, node.Version, now, _generation + 1);

        public (double Score, int ShareGpu)? Get(int demand) =>
            demand < _generationOf.Length && _generationOf[demand] == _generation ? _scores[demand] : null;

        public (double Score, int ShareGpu) Set(int demand, (double Score, int ShareGpu) score)
        {
            if (demand >= _scores.Length)
            {
                Array.Resize(ref _scores, Math.Max(demand + 1, _scores.Length * 2));
                Array.Resize(ref _generationOf, _scores.Length);
            }

            (_scores[demand], _generationOf[demand]) = (score, _generation);
            return score;
        }
    }
}
