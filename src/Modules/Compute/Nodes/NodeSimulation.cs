namespace Funeng.Compute.Nodes;

/// <summary>One point of the inflation experiment: arrived GPU demand, unallocated GPUs and fragmentation, each a share of the cluster's GPUs.</summary>
internal sealed record InflationPoint(double ArrivedPercent, double UnallocatedPercent, double FragmentedPercent, int Failed);

/// <summary>One run of the inflation experiment: the cluster as the run left it (its nodes in the run's order) and the points.</summary>
internal sealed record InflationRun(NodeCluster Cluster, IReadOnlyList<InflationPoint> Points);

/// <summary>A job's outcome in a time-ordered replay (times in trace seconds); Node -1 if it never fitted any node.</summary>
internal sealed record NodeJobOutcome(NodePod Pod, long Start, int Node, bool Backfilled);

/// <summary>How the queue is served in a time-ordered replay.</summary>
internal enum Queueing
{
    /// <summary>Every waiting job, in arrival order, starts if it fits somewhere (how Kubernetes' scheduler works).</summary>
    Greedy,

    /// <summary>FIFO with EASY backfilling (what Slurm's backfill does): the head job gets a reservation; a later job starts only if it does not delay it.</summary>
    EasyBackfill,
}

/// <summary>Replays pods on a cluster's nodes: the FGD paper's inflation experiment and a time-ordered replay.</summary>
internal static class NodeSimulation
{
    /// <summary>
    /// The paper's experiment as its simulator runs it (<c>SortClusterPods</c> with <c>shufflePod</c>, then
    /// <c>TunePodsByNodeTotalResource</c> with ratio 1.3, then <c>syncClusterResourceList</c>): the whole pod list in
    /// random order, then pods drawn from it at random (with replacement, seeded) appended after it, until a drawn pod's
    /// share of one GPU would take the GPU demand past <paramref name="untilPercent"/> % of the cluster's GPUs (or, for a
    /// list that asks for more, random pods removed until it does not); the pods arrive in that order and never leave,
    /// each placed by the policy or counted as failed. The run's cluster is <paramref name="nodes"/>, empty, in a random
    /// order: their simulator prefixes each node's name with a random number per run, and Kubernetes gives a tie to the
    /// lowest name, so ties go to a random but fixed node order, not to the node list's order (issue 17: in list order
    /// FGD left 5.89 % of the GPUs unallocated on gpuspec33 at 130 %, 5.37 % in random order, the authors' runs 5.45 %).
    /// A point is recorded at every whole percent of arrived GPU demand; the points the last pod falls short of record
    /// the final state.
    /// </summary>
    public static InflationRun Inflate(NodeCluster nodes, IReadOnlyList<NodePod> pods, NodePolicy policy, Fragmentation measure, int seed, int untilPercent = 130)
    {
        var random = new Random(seed);
        var capacity = nodes.TotalGpus * (double)GpuNode.Whole;
        var arrivals = Arrivals(pods, untilPercent / 100.0 * capacity, random);
        var cluster = nodes.EmptyInRandomOrder(random);
        var points = new List<InflationPoint>();
        var arrived = 0.0;
        var failed = 0;
        var next = 1;
        foreach (var demand in arrivals)
        {
            arrived += demand.TotalMilli;
            if (policy.Place(cluster, demand) is null)
            {
                failed++;
            }

            while (next <= untilPercent && arrived >= next / 100.0 * capacity)
            {
                points.Add(Point(next++));
            }
        }

        while (next <= untilPercent)
        {
            points.Add(Point(next++));
        }

        return new InflationRun(cluster, points);

        InflationPoint Point(int percent) =>
            new(percent, cluster.FreeMilli / capacity * 100, measure.OfCluster(cluster) / capacity * 100, failed);
    }

    /// <summary>
    /// The arrivals of <see cref="Inflate"/>: the pod list shuffled (trimmed at random if it asks for more than
    /// <paramref name="target"/> milli-GPU), then draws appended. The draws stop, as <c>tuneUpPods</c> stops, at the
    /// first pod whose share of one GPU (not all its GPUs; 0 for a CPU-only pod) would pass the target, so the last
    /// multi-GPU pod may take the demand up to 7 GPUs past it.
    /// </summary>
    internal static List<NodeDemand> Arrivals(IReadOnlyList<NodePod> pods, double target, Random random)
    {
        var list = pods.Select(p => p.Demand).ToList();
        var total = list.Sum(d => (double)d.TotalMilli);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        while (total > target && list.Count > 0)
        {
            var i = random.Next(list.Count);
            total -= list[i].TotalMilli;
            list.RemoveAt(i);
        }

        while (pods.Count > 0)
        {
            var drawn = pods[random.Next(pods.Count)].Demand;
            if (total + drawn.GpuMilli > target)
            {
                break;
            }

            total += drawn.TotalMilli;
            list.Add(drawn);
        }

        return list;
    }

    /// <summary>
    /// Replays pods in the order they were created, each running for its traced duration once started, placed by
    /// the policy and queued as <paramref name="queueing"/> says. Pods that fit no node even when it is empty are
    /// reported with Node -1 and never queue. <c>rememberFailures: false</c> searches the whole queue at every event:
    /// the slow reference that the tests compare the remembered failures with (both must give the same outcomes).
    /// </summary>
    public static IReadOnlyList<NodeJobOutcome> Replay(NodeCluster cluster, IReadOnlyList<NodePod> pods, NodePolicy policy, Queueing queueing, bool rememberFailures = true)
    {
        var ordered = pods.OrderBy(p => p.Created).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var outcomes = new List<NodeJobOutcome>(ordered.Count);
        var ends = new PriorityQueue<(NodeAllocation Allocation, long End), long>();
        var running = new List<(NodeAllocation Allocation, long End)>[cluster.Nodes.Count];
        for (var i = 0; i < running.Length; i++)
        {
            running[i] = [];
        }

        var waiting = new List<NodePod>();
        var empty = Empty(cluster);
        // Demands that found no node since the last job ended. Starting jobs only takes resources away, so such a
        // demand cannot fit until something ends: the queue is not searched again for it on every arrival. This is
        // what keeps a replay with thousands waiting linear in events rather than in events × queue × nodes.
        var failed = new HashSet<NodeDemand>();
        var failedBesides = new HashSet<(NodeDemand Demand, int Excluded)>();
        var next = 0;
        while (next < ordered.Count || waiting.Count > 0)
        {
            var now = ends.TryPeek(out _, out var firstEnd) ? firstEnd : long.MaxValue;
            if (next < ordered.Count && ordered[next].Created <= now)
            {
                now = ordered[next].Created;
            }

            if (now == long.MaxValue)
            {
                break; // cannot happen: waiting jobs fit an empty node, so something is running
            }

            while (ends.TryPeek(out var end, out var at) && at <= now)
            {
                failed.Clear();
                failedBesides.Clear();
                ends.Dequeue();
                cluster.Nodes[end.Allocation.Node].Release(end.Allocation);
                running[end.Allocation.Node].Remove(end);
            }

            while (next < ordered.Count && ordered[next].Created <= now)
            {
                var pod = ordered[next++];
                if (!empty.Any(n => n.Fits(pod.Demand)))
                {
                    outcomes.Add(new NodeJobOutcome(pod, -1, -1, false));
                    continue;
                }

                waiting.Add(pod);
            }

            void Start(NodePod pod, (NodeChoice Choice, NodeAllocation Allocation) placed, bool backfilled)
            {
                var item = (placed.Allocation, now + pod.Duration);
                ends.Enqueue(item, item.Item2);
                running[placed.Choice.Node].Add(item);
                outcomes.Add(new NodeJobOutcome(pod, now, placed.Choice.Node, backfilled));
            }

            (NodeChoice Choice, NodeAllocation Allocation)? Place(in NodeDemand demand, int excluded = -1)
            {
                if (failed.Contains(demand) || (excluded >= 0 && failedBesides.Contains((demand, excluded))))
                {
                    return null;
                }

                var placed = policy.Place(cluster, demand, excluded);
                if (placed is null && rememberFailures)
                {
                    _ = excluded >= 0 ? failedBesides.Add((demand, excluded)) : failed.Add(demand);
                }

                return placed;
            }

            if (queueing == Queueing.Greedy)
            {
                waiting.RemoveAll(pod =>
                {
                    var placed = Place(pod.Demand);
                    if (placed is { } p)
                    {
                        Start(pod, p, false);
                    }

                    return placed is not null;
                });
                continue;
            }

            // FIFO: start the head while it fits.
            while (waiting.Count > 0 && Place(waiting[0].Demand) is { } head)
            {
                Start(waiting[0], head, false);
                waiting.RemoveAt(0);
            }

            if (waiting.Count < 2)
            {
                continue;
            }

            // EASY: the head's reservation is the earliest time a node can hold it, given what runs there now.
            var (shadow, reserved) = Reservation(cluster, running, waiting[0].Demand);
            for (var i = 1; i < waiting.Count; i++)
            {
                var pod = waiting[i];
                var placed = now + pod.Duration <= shadow ? Place(pod.Demand) : Place(pod.Demand, reserved);
                if (placed is { } p)
                {
                    Start(pod, p, true);
                    waiting.RemoveAt(i--);
                }
            }
        }

        return outcomes;
    }

    /// <summary>
    /// When and where the job could start at the earliest if nothing else started: for each node that could ever
    /// hold it, its running jobs end in order until it fits; the earliest such time wins (lowest node on a tie).
    /// </summary>
    public static (long Shadow, int Node) Reservation(NodeCluster cluster, IReadOnlyList<List<(NodeAllocation Allocation, long End)>> running, in NodeDemand demand)
    {
        var best = (Shadow: long.MaxValue, Node: -1);
        Span<int> buffer = stackalloc int[16];
        foreach (var node in cluster.Nodes)
        {
            if (!demand.Allows(node.ModelId) || demand.CpuMilli > node.CpuMilli || demand.MemoryMib > node.MemoryMib || demand.Gpus > node.Gpus)
            {
                continue;
            }

            var cpu = node.CpuFree;
            var memory = node.MemoryFree;
            var free = buffer[..node.Gpus];
            node.GpuFree.CopyTo(free);
            var at = long.MinValue;
            var fits = Fits(cpu, memory, free, demand);
            foreach (var (allocation, end) in fits ? Enumerable.Empty<(NodeAllocation, long)>() : running[node.Index].OrderBy(r => r.End))
            {
                if (end >= best.Shadow)
                {
                    break;
                }

                cpu += allocation.Demand.CpuMilli;
                memory += allocation.Demand.MemoryMib;
                for (var g = 0; g < free.Length; g++)
                {
                    if ((allocation.GpuMask & (1 << g)) != 0)
                    {
                        free[g] += allocation.Demand.IsShare ? allocation.Demand.GpuMilli : GpuNode.Whole;
                    }
                }

                if (Fits(cpu, memory, free, demand))
                {
                    (at, fits) = (end, true);
                    break;
                }
            }

            if (fits && at < best.Shadow)
            {
                best = (at, node.Index);
            }
        }

        return best;
    }

    private static bool Fits(int cpu, int memory, ReadOnlySpan<int> free, in NodeDemand demand) =>
        demand.CpuMilli <= cpu && demand.MemoryMib <= memory && GpuNode.FitsGpus(free, demand);

    /// <summary>The cluster's nodes as if empty, to tell a pod that can never fit from one that must wait.</summary>
    private static List<GpuNode> Empty(NodeCluster cluster) => [.. cluster.Nodes.Select(n => n.EmptyAt(n.Index))];
}
