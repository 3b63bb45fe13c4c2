using Funeng.Compute.Nodes;

namespace Funeng.Compute.Tests.Nodes;

/// <summary>
/// Issue 17: the fragmentation measure, FGD and best-fit as the FGD paper's simulator computes them
/// (hkust-adsl/kubernetes-scheduler-simulator: pkg/utils/frag.go, plugin/fgd_score.go, plugin/best_fit_score.go).
/// Each test is a hand-worked example that the earlier reading got wrong.
/// </summary>
public sealed class FgdAsPublishedTests
{
    private static NodeCluster Cluster(params (string Model, int Cpu, int Gpus)[] nodes)
    {
        var models = new GpuModels();
        return new NodeCluster([.. nodes.Select((n, i) => new GpuNode(i, $"node-{i}", n.Model, models.Id(n.Model), n.Cpu, 64 * 1024, n.Gpus))], models);
    }

    [Fact]
    public void Bug_17_a_node_short_of_memory_is_not_counted_as_fragmented()
    {
        // Two idle GPUs, all memory taken by a CPU-only job: a one-GPU job cannot start here, but the paper's measure
        // models CPU and GPU only, so neither GPU is a fragment (it was 2,000 milli-GPU when memory counted).
        var cluster = Cluster(("T4", 32000, 2));
        cluster.Nodes[0].Allocate(NodeDemand.Create(1000, 64 * 1024, 0, 0), shareGpu: -1);
        var measure = new Fragmentation([new WorkloadClass(NodeDemand.Create(4000, 1024, 1, 1000), 1)]);

        Assert.Equal(0, measure.Of(cluster.Nodes[0]), 6);
    }

    [Fact]
    public void Bug_17_the_target_workload_counts_cpu_only_kinds_and_keeps_the_most_frequent_kinds_up_to_95_percent()
    {
        // 100 jobs: 50 one-GPU (two memory sizes, one kind), 30 half-GPU, 15 CPU-only, 5 two-GPU. Cumulative 50, 80,
        // 95 %: the two-GPU kind is left out and the rest weigh 50/95, 30/95, 15/95.
        var oneGpu = Enumerable.Range(0, 50).Select(i => NodeDemand.Create(4000, i % 2 == 0 ? 1024 : 8192, 1, 1000));
        var half = Enumerable.Repeat(NodeDemand.Create(4000, 1024, 1, 500), 30);
        var cpuOnly = Enumerable.Repeat(NodeDemand.Create(8000, 1024, 0, 0), 15);
        var twoGpus = Enumerable.Repeat(NodeDemand.Create(8000, 1024, 2, 1000), 5);

        var measure = Fragmentation.Of(oneGpu.Concat(half).Concat(cpuOnly).Concat(twoGpus));

        Assert.Equal([(1, 1000, 50 / 95.0), (1, 500, 30 / 95.0), (0, 0, 15 / 95.0)],
            measure.Classes.Select(c => (c.Demand.Gpus, c.Demand.GpuMilli, c.Weight)));

        // A node with one idle GPU and one with 300 left: the one-GPU kind cannot use the 300, nor can the half-GPU
        // kind; a CPU-only kind can use no GPU at all, so all 1,300 count for it.
        //   F = (50 · 300 + 30 · 300 + 15 · 1300) / 95 = 43,500 / 95
        var cluster = Cluster(("T4", 32000, 2));
        cluster.Nodes[0].Allocate(NodeDemand.Create(0, 0, 1, 700), shareGpu: 1);
        Assert.Equal(43_500 / 95.0, measure.Of(cluster.Nodes[0]), 6);
    }

    [Fact]
    public void Fgd_ties_growths_within_one_kubernetes_score_point_and_the_first_node_takes_the_tie()
    {
        // Workload: 2 % one whole GPU, 98 % a tenth of a GPU; the job asks for a tenth.
        //   node 0, one idle GPU:      F 0 -> 0.02 · 900 = 18 (no whole GPU left)            growth 18.0, score ⌊100 σ(-0.018)⌋ = 49
        //   node 1, one GPU, 110 left: F 0.02 · 110 = 2.2 -> 10 left, which no kind can use = 10   growth 7.8, score ⌊100 σ(-0.0078)⌋ = 49
        // The exact growth prefers node 1; the paper's simulator scores both 49 and takes the first: node 0.
        var tenth = NodeDemand.Create(1000, 1024, 1, 100);
        var measure = new Fragmentation([new WorkloadClass(NodeDemand.Create(1000, 1024, 1, 1000), 0.02), new WorkloadClass(tenth, 0.98)]);
        var cluster = Cluster(("T4", 32000, 1), ("T4", 32000, 1));
        cluster.Nodes[1].Allocate(NodeDemand.Create(0, 0, 1, 890), shareGpu: 0);

        var choice = new Fgd(measure).Choose(cluster, tenth)!;

        Assert.Equal(0, choice.Node);
        Assert.Equal(18, choice.Score, 6);
    }

    [Fact]
    public void Best_fit_measures_what_is_left_against_the_largest_node()
    {
        // Node 0: 32 cores, 2 idle GPUs. Node 1: 96 cores, 8 GPUs, 48 cores and 5 GPUs in use. The job: 4 cores, 1 GPU.
        //   each node's own capacity:  node 0 28/32 + 1/2 = 1.375, node 1 44/96 + 2/8 = 0.708 -> node 1
        //   the largest node (96, 8):  node 0 ½·28/96 + ½·1/8 = 0.208, node 1 ½·44/96 + ½·2/8 = 0.354 -> node 0,
        //                              the node with less left in absolute terms (the simulator's MaxSpec).
        var cluster = Cluster(("T4", 32000, 2), ("V100M32", 96000, 8));
        cluster.Nodes[1].Allocate(NodeDemand.Create(48000, 1024, 5, 1000), shareGpu: -1);

        var choice = new BestFit().Choose(cluster, NodeDemand.Create(4000, 1024, 1, 1000))!;

        Assert.Equal(0, choice.Node);
        Assert.Equal(0.5 * 28 / 96 + 0.5 / 8, choice.Score, 6);
    }

    [Fact]
    public void The_inflated_workload_stops_before_one_more_pod_would_pass_the_target()
    {
        // 20 GPUs; the list asks for 2 of them, one GPU a pod. Inflated to 99 % (19.8 GPUs) it stops at 19 pods: the
        // points from 96 % to 99 % record that final state, 1 GPU of 20 (5 %) unallocated, none failed.
        var cluster = Cluster(("T4", 64000, 8), ("T4", 64000, 8), ("T4", 64000, 4));
        NodePod[] pods = [new("a", 0, 0, NodeDemand.Create(1000, 1024, 1, 1000)), new("b", 0, 0, NodeDemand.Create(2000, 1024, 1, 1000))];
        var measure = Fragmentation.Of(pods.Select(p => p.Demand));

        var points = NodeSimulation.Inflate(cluster, pods, new FirstFit(), measure, seed: 3, untilPercent: 99).Points;

        Assert.Equal(Enumerable.Range(1, 99).Select(i => (double)i), points.Select(p => p.ArrivedPercent));
        Assert.Equal((5.0, 0), (Math.Round(points[^1].UnallocatedPercent, 9), points[^1].Failed));
        Assert.Equal(points[94] with { ArrivedPercent = 99 }, points[^1]);
    }

    [Fact]
    public void Bug_17_ties_go_to_a_node_order_drawn_for_each_run_not_to_the_node_lists_order()
    {
        // Two empty nodes alike and one one-GPU pod (16 GPUs, 7 % = 1.12 GPUs: no second pod is drawn). Best-fit scores
        // both nodes the same. Their simulator prefixes node names with a random number per run and Kubernetes gives the
        // tie to the lowest name, so the pod lands on either node depending on the run, always the same for one seed.
        var pods = new[] { new NodePod("a", 0, 0, NodeDemand.Create(1000, 1024, 1, 1000)) };
        var nodes = Cluster(("T4", 32000, 8), ("T4", 32000, 8));
        var measure = Fragmentation.Of(pods.Select(p => p.Demand));
        string Landed(int seed) => NodeSimulation.Inflate(nodes, pods, new BestFit(), measure, seed, untilPercent: 7).Cluster.Nodes.Single(n => n.FreeMilli < 8000).Name;

        var landed = Enumerable.Range(1, 20).Select(Landed).ToList();

        Assert.Equal(["node-0", "node-1"], landed.Distinct().Order());
        Assert.Equal(landed[0], Landed(1));
        Assert.All(nodes.Nodes, n => Assert.Equal(8000, n.FreeMilli)); // the node list itself is left empty
    }

    [Fact]
    public void Bug_17_the_pod_list_arrives_shuffled_and_the_drawn_pods_after_it()
    {
        // Six one-GPU pods told apart by their CPU; target 12 GPUs, so six more are drawn. Their simulator shuffles the
        // list, then appends the draws (tuneUpPods after SortClusterPods): the first six arrivals are the list itself.
        var pods = Enumerable.Range(1, 6).Select(i => new NodePod($"p{i}", 0, 0, NodeDemand.Create(i * 1000, 1024, 1, 1000))).ToList();

        foreach (var seed in Enumerable.Range(1, 5))
        {
            var arrivals = NodeSimulation.Arrivals(pods, 12_000, new Random(seed));

            Assert.Equal(12, arrivals.Count);
            Assert.Equal(pods.Select(p => p.Demand.CpuMilli), arrivals.Take(6).Select(d => d.CpuMilli).Order());
        }
    }

    [Fact]
    public void Bug_17_the_draws_stop_at_the_first_pod_whose_share_of_one_gpu_would_pass_the_target()
    {
        // 20 GPUs, the list one 8-GPU pod, target 99 % = 19,800 milli-GPU. tuneUpPods compares the total with what one
        // GPU of the drawn pod asks (1,000), not all of its GPUs: 8,000 + 1,000 and 16,000 + 1,000 pass, 24,000 + 1,000
        // does not, so three 8-GPU pods (24 GPUs) arrive; two fit, the third fails; 4 GPUs (20 %) stay unallocated.
        var cluster = Cluster(("V100M32", 96000, 8), ("V100M32", 96000, 8), ("T4", 64000, 4));
        NodePod[] pods = [new("eight", 0, 0, NodeDemand.Create(8000, 1024, 8, 1000))];
        var measure = Fragmentation.Of(pods.Select(p => p.Demand));

        Assert.Equal(3, NodeSimulation.Arrivals(pods, 19_800, new Random(5)).Count);
        var last = NodeSimulation.Inflate(cluster, pods, new FirstFit(), measure, seed: 5, untilPercent: 99).Points[^1];
        Assert.Equal((20.0, 1), (Math.Round(last.UnallocatedPercent, 9), last.Failed));
    }
}
