using Funeng.Compute.Engines;
using Funeng.Compute.Nodes;

namespace Funeng.Compute.Tests.Nodes;

/// <summary>Node-level placement: GPU shares and whole GPUs on one node, model constraints, FGD against best-fit, EASY backfilling.</summary>
public sealed class NodePlacementTests
{
    private static NodeCluster Cluster(params (string Model, int Cpu, int Gpus)[] nodes)
    {
        var models = new GpuModels();
        return new NodeCluster([.. nodes.Select((n, i) => new GpuNode(i, $"node-{i}", n.Model, models.Id(n.Model), n.Cpu, 256 * 1024, n.Gpus))], models);
    }

    [Fact]
    public void Fgd_and_best_fit_choose_different_nodes_and_fgd_leaves_more_whole_gpus()
    {
        // Node 0 has one idle GPU; node 1 has two GPUs, one of them with 600 milli-GPU left. Half the workload asks
        // for one whole GPU, half for half a GPU; the job to place asks for half a GPU.
        //   best-fit: free share after placing is 500/1000 = 0.5 on node 0 and 1100/2000 = 0.55 on node 1 -> node 0,
        //             which breaks its only whole GPU: 1 whole GPU left in the cluster (node 1's).
        //   FGD:      F(node 0) goes from 0 to 0.5·500 (a whole-GPU job no longer fits) = +250;
        //             F(node 1) goes from 0.5·600 = 300 to 0.5·100 + 0.5·100 = 100 on the 600 GPU = -200 -> node 1,
        //             GPU 1: both idle GPUs stay whole.
        Span<int> wholeLeft = stackalloc int[2];
        var half = NodeDemand.Create(4000, 1024, 1, 500);
        var workload = Fragmentation.Of([NodeDemand.Create(4000, 1024, 1, 1000), half]);
        var policies = new NodePolicy[] { new BestFit(), new Fgd(workload) };
        for (var p = 0; p < policies.Length; p++)
        {
            var cluster = Cluster(("T4", 32000, 1), ("T4", 32000, 2));
            cluster.Nodes[1].Allocate(NodeDemand.Create(0, 0, 1, 400), shareGpu: 1);

            var placed = policies[p].Place(cluster, half)!.Value;

            Assert.Equal(p == 0 ? 0 : 1, placed.Choice.Node);
            wholeLeft[p] = cluster.Nodes.Sum(n => n.WholeFree);
        }

        Assert.Equal(1, wholeLeft[0]);
        Assert.Equal(2, wholeLeft[1]);
    }

    [Fact]
    public void The_fgd_explanation_gives_the_growth_of_fragmentation_it_chose()
    {
        var half = NodeDemand.Create(4000, 1024, 1, 500);
        var cluster = Cluster(("T4", 32000, 1), ("T4", 32000, 2));
        cluster.Nodes[1].Allocate(NodeDemand.Create(0, 0, 1, 400), shareGpu: 1);

        var choice = new Fgd(Fragmentation.Of([NodeDemand.Create(4000, 1024, 1, 1000), half])).Choose(cluster, half)!;

        Assert.Equal(("fgd", "node-1", 1, 2), (choice.Policy, choice.NodeName, choice.ShareGpu, choice.Feasible));
        Assert.Equal(-200, choice.Score, 6);
    }

    [Fact]
    public void Every_node_policy_explains_its_placement_in_both_languages()
    {
        var text = new Funeng.Kernel.Localization.UiText([new Funeng.Kernel.Localization.UiStringSource(typeof(ComputeModule).Assembly)]);
        var demand = NodeDemand.Create(1000, 1024, 1, 500);
        foreach (var name in NodePolicy.Names)
        {
            var choice = NodePolicy.Create(name, Fragmentation.Of([demand])).Choose(Cluster(("T4", 32000, 2)), demand)!;
            foreach (var culture in new[] { "zh-CN", "en" })
            {
                var previous = System.Globalization.CultureInfo.CurrentUICulture;
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
                try
                {
                    var said = choice.Describe(text);
                    Assert.DoesNotContain(Funeng.Kernel.Localization.UiText.MissingMarker, said, StringComparison.Ordinal);
                    Assert.Contains("node-0", said, StringComparison.Ordinal);
                    Assert.DoesNotContain(Funeng.Kernel.Localization.UiText.MissingMarker, text["compute.node-policy." + name], StringComparison.Ordinal);
                }
                finally
                {
                    System.Globalization.CultureInfo.CurrentUICulture = previous;
                }
            }
        }
    }

    [Fact]
    public void A_share_of_a_gpu_and_a_four_gpu_job_are_placed_on_one_node_within_its_capacity()
    {
        var cluster = Cluster(("V100M32", 96000, 8));
        var policy = new BestFit();

        var four = policy.Place(cluster, NodeDemand.Create(32000, 64 * 1024, 4, 1000))!.Value;
        var share = policy.Place(cluster, NodeDemand.Create(8000, 16 * 1024, 1, 300))!.Value;

        var node = cluster.Nodes[0];
        Assert.Equal((0, 0), (four.Choice.Node, share.Choice.Node));
        Assert.Equal(3, node.WholeFree);
        Assert.Equal(8000 - 4000 - 300, node.FreeMilli);
        Assert.Equal(96000 - 40000, node.CpuFree);
        Assert.Null(policy.Place(cluster, NodeDemand.Create(1000, 1024, 4, 1000))); // 3 whole GPUs left, not 4
        Assert.NotNull(policy.Place(cluster, NodeDemand.Create(1000, 1024, 1, 700))); // the shared GPU's 700 left
        Assert.Equal(3, node.WholeFree);
    }

    [Fact]
    public void A_gpu_model_constraint_is_honoured()
    {
        var cluster = Cluster(("T4", 64000, 8), ("V100M32", 64000, 8));
        var v100 = NodeDemand.Create(1000, 1024, 2, 1000, cluster.Models.Mask("V100M16|V100M32"));

        foreach (var name in NodePolicy.Names)
        {
            var choice = NodePolicy.Create(name, Fragmentation.Of([v100])).Choose(cluster, v100);
            Assert.Equal("V100M32", choice!.Model);
        }

        Assert.Null(new FirstFit().Choose(cluster, NodeDemand.Create(1000, 1024, 1, 1000, cluster.Models.Mask("A100"))));
    }

    [Fact]
    public void Easy_backfilling_starts_a_short_job_without_delaying_the_head_jobs_reservation()
    {
        // One node of 8 GPUs. t=0 a 6-GPU job runs until 100. t=1 the head asks for all 8: reserved for t=100.
        // t=2 a 2-GPU job of 50 s ends by 100: backfilled at once. t=3 a 2-GPU job of 500 s would delay the head:
        // it waits, though 2 GPUs are idle from t=52. Served greedily instead, it starts at 52 and the head waits to 552.
        NodePod Pod(string name, long created, long duration, int gpus) => new(name, created, duration, NodeDemand.Create(1000, 1024, gpus, 1000));
        NodePod[] pods = [Pod("running", 0, 100, 6), Pod("head", 1, 10, 8), Pod("short", 2, 50, 2), Pod("long", 3, 500, 2)];

        var easy = NodeSimulation.Replay(Cluster(("A10", 64000, 8)), pods, new FirstFit(), Queueing.EasyBackfill).ToDictionary(o => o.Pod.Name);
        var greedy = NodeSimulation.Replay(Cluster(("A10", 64000, 8)), pods, new FirstFit(), Queueing.Greedy).ToDictionary(o => o.Pod.Name);

        Assert.Equal((2L, true), (easy["short"].Start, easy["short"].Backfilled));
        Assert.Equal(100, easy["head"].Start);
        Assert.Equal(110, easy["long"].Start);
        Assert.Equal(552, greedy["head"].Start);
    }

    [Fact]
    public void Remembering_failed_demands_until_a_job_ends_gives_the_same_replay_as_searching_the_whole_queue_at_every_event()
    {
        // A crowded, mixed workload (shares, whole GPUs, model constraints) so that queues form and drain often.
        var random = new Random(20261203);
        var models = new GpuModels();
        var (t4, a10) = (models.Id("T4"), models.Id("A10"));
        var pods = Enumerable.Range(0, 400).Select(i =>
        {
            var gpus = random.Next(4) switch { 0 => 0, 1 => 1, 2 => 2, _ => random.Next(3, 9) };
            var demand = NodeDemand.Create(1000 * random.Next(1, 16), 1024 * random.Next(1, 64), gpus, gpus == 1 && random.Next(2) == 0 ? 100 * random.Next(1, 10) : 1000,
                random.Next(5) == 0 ? 1UL << a10 : random.Next(7) == 0 ? 1UL << t4 : 0);
            return new NodePod($"p{i}", i * 3L + random.Next(3), random.Next(5, 400), demand);
        }).ToList();
        NodeCluster Fresh() => new([new GpuNode(0, "n0", "T4", t4, 32000, 128 * 1024, 4), new GpuNode(1, "n1", "A10", a10, 64000, 256 * 1024, 8),
            new GpuNode(2, "n2", "T4", t4, 48000, 192 * 1024, 8), new GpuNode(3, "n3", "A10", a10, 96000, 512 * 1024, 8)], models);

        foreach (var name in NodePolicy.Names)
        {
            foreach (var queueing in Enum.GetValues<Queueing>())
            {
                var measure = Fragmentation.Of(pods.Select(p => p.Demand));
                var remembered = NodeSimulation.Replay(Fresh(), pods, NodePolicy.Create(name, measure), queueing);
                var searched = NodeSimulation.Replay(Fresh(), pods, NodePolicy.Create(name, measure), queueing, rememberFailures: false);

                Assert.Equal(searched.Select(o => (o.Pod.Name, o.Start, o.Node, o.Backfilled)), remembered.Select(o => (o.Pod.Name, o.Start, o.Node, o.Backfilled)));
                Assert.Contains(remembered, o => o.Start > o.Pod.Created); // the workload did queue
            }
        }
    }

    [Fact]
    public void The_inflation_experiment_records_unallocated_gpus_and_fragmentation_at_every_percent_of_arrived_workload()
    {
        var cluster = Cluster(("T4", 64000, 8), ("T4", 64000, 8), ("T4", 64000, 4));
        NodePod[] pods = [new("a", 0, 0, NodeDemand.Create(4000, 1024, 1, 300)), new("b", 0, 0, NodeDemand.Create(4000, 1024, 2, 1000))];
        var measure = Fragmentation.Of(pods.Select(p => p.Demand));

        var points = NodeSimulation.Inflate(cluster, pods, new Fgd(measure), measure, seed: 1, untilPercent: 120).Points;

        Assert.Equal(Enumerable.Range(1, 120).Select(i => (double)i), points.Select(p => p.ArrivedPercent));
        Assert.True(points[0].UnallocatedPercent >= 90); // the first pod asks for at most 2 of the 20 GPUs
        Assert.True(points[^1].Failed > 0); // more arrived than the cluster holds
        Assert.All(points, p => Assert.InRange(p.FragmentedPercent, 0, p.UnallocatedPercent + 1e-9));
    }

    [Fact]
    public void The_trace_files_give_nodes_and_pods_with_shares_whole_gpus_and_model_constraints()
    {
        var folder = Directory.CreateTempSubdirectory("funeng-nodes-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "nodes.csv"), "sn,cpu_milli,memory_mib,gpu,model\nn0,64000,262144,2,P100\nn1,96000,786432,8,V100M32\n");
            File.WriteAllText(Path.Combine(folder, "pods.csv"), Funeng.Compute.Simulation.OpenbTraceReader.Header
                + "\np0,6000,12288,1,460,,LS,Running,10,100,20\np1,32000,65536,4,1000,V100M16|V100M32,LS,Succeeded,5,50,5\n");
            File.WriteAllText(Path.Combine(folder, "short.csv"), NodeTraces.ShortPodHeader + "\np0,4000,8192,8,1000\n");

            var cluster = NodeTraces.ReadNodes(Path.Combine(folder, "nodes.csv"));
            var pods = NodeTraces.ReadPods(Path.Combine(folder, "pods.csv"), cluster.Models);
            var short_ = NodeTraces.ReadPods(Path.Combine(folder, "short.csv"), cluster.Models);

            Assert.Equal((2, 10), (cluster.Nodes.Count, cluster.TotalGpus));
            Assert.Equal((10L, 80L, true, 460), (pods[0].Created, pods[0].Duration, pods[0].Demand.IsShare, pods[0].Demand.TotalMilli));
            Assert.False(pods[1].Demand.Allows(cluster.Nodes[0].ModelId));
            Assert.True(pods[1].Demand.Allows(cluster.Nodes[1].ModelId));
            Assert.Equal((0L, 8000), (short_[0].Created, short_[0].Demand.TotalMilli));
            var wrongFile = Assert.Throws<Funeng.Kernel.Web.InvalidInputException>(() => NodeTraces.ReadPods(Path.Combine(folder, "nodes.csv"), cluster.Models));
            Assert.Equal("line 1", Assert.Single(Funeng.Compute.Simulation.TraceProblem.Among(wrongFile)).Location);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Slurm_node_lines_give_cpus_memory_and_typed_gpus()
    {
        const string output = "NodeName=gpu01 Arch=x86_64 CPUTot=64 RealMemory=515000 Gres=gpu:a100:4(S:0-1),gpu:a100:4(S:2,3) State=MIXED\n"
            + "NodeName=cpu01 CPUTot=32 RealMemory=128000 Gres=(null) State=IDLE\n";

        var nodes = SlurmEngine.ParseNodes(output, "gpu");

        Assert.Equal([("gpu01", 64000, 515000, 8, "a100", "MIXED"), ("cpu01", 32000, 128000, 0, "none", "IDLE")],
            nodes.Select(n => (n.Name, n.CpuMilli, n.MemoryMib, n.Gpus, n.GpuModel, n.State)));
    }
}
