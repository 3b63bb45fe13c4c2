using Funeng.Compute.Nodes;

namespace Funeng.Compute.Tests.Nodes;

/// <summary>FGD's scores kept per node and demand choose exactly what scoring every node afresh chooses.</summary>
public sealed class FgdCacheTests
{
    /// <summary>
    /// 60 nodes of three models (2, 4 and 8 GPUs) and 3,000 jobs drawn from twelve kinds: shares, whole GPUs, CPU-only
    /// jobs and a model constraint, arriving faster than they end, so the cluster fills, jobs fail and nodes are freed
    /// and refilled. Every choice (node, GPU of a share, score, nodes that fitted) must be the same.
    /// </summary>
    [Fact]
    public void Cached_fgd_chooses_exactly_the_nodes_the_straightforward_fgd_chooses_on_a_crowded_workload()
    {
        var models = new GpuModels();
        NodeCluster Fresh() => new([.. Enumerable.Range(0, 60).Select(i =>
        {
            var model = (i % 3) switch { 0 => "T4", 1 => "A10", _ => "V100M32" };
            return new GpuNode(i, $"n{i}", model, models.Id(model), 32000 + i % 4 * 16000, (128 + i % 5 * 64) * 1024, 2 << (i % 3));
        })], models);
        NodeDemand[] kinds =
        [
            NodeDemand.Create(4000, 8192, 1, 250), NodeDemand.Create(6000, 12288, 1, 460), NodeDemand.Create(8000, 16384, 1, 500),
            NodeDemand.Create(2000, 4096, 1, 750), NodeDemand.Create(12000, 16384, 1, 1000), NodeDemand.Create(16000, 32768, 2, 1000),
            NodeDemand.Create(32000, 65536, 4, 1000), NodeDemand.Create(48000, 131072, 8, 1000), NodeDemand.Create(8000, 8192, 0, 0),
            NodeDemand.Create(4000, 8192, 1, 1000, models.Mask("V100M32")), NodeDemand.Create(6000, 8192, 1, 300, models.Mask("T4|A10")),
            NodeDemand.Create(24000, 49152, 2, 1000, models.Mask("A10")),
        ];
        var random = new Random(17);
        var pods = Enumerable.Range(0, 3000).Select(i => new NodePod($"p{i}", i * 10L, 200 + random.Next(4000), kinds[random.Next(kinds.Length)])).ToList();
        var measure = Fragmentation.Of(pods.Select(p => p.Demand));

        var cached = Placements(Fresh(), pods, new Fgd(measure));
        var straightforward = Placements(Fresh(), pods, new Fgd(measure, cacheScores: false));

        Assert.Equal(straightforward, cached);
        Assert.Contains(cached, c => c is null); // the cluster was full at times
        Assert.True(cached.Count(c => c is not null) > 1000);
    }

    /// <summary>Places the pods in arrival order, freeing each when it ends; the choices in order (null where none fitted).</summary>
    private static List<(int Node, int ShareGpu, double Score, int Feasible)?> Placements(NodeCluster cluster, IReadOnlyList<NodePod> pods, NodePolicy policy)
    {
        var running = new PriorityQueue<NodeAllocation, long>();
        var choices = new List<(int, int, double, int)?>();
        foreach (var pod in pods)
        {
            while (running.TryPeek(out var ending, out var end) && end <= pod.Created)
            {
                cluster.Nodes[ending.Node].Release(running.Dequeue());
            }

            var placed = policy.Place(cluster, pod.Demand);
            if (placed is { } p)
            {
                running.Enqueue(p.Allocation, pod.Created + pod.Duration);
            }

            choices.Add(placed is { } q ? (q.Choice.Node, q.Choice.ShareGpu, q.Choice.Score, q.Choice.Feasible) : null);
        }

        return choices;
    }
}
