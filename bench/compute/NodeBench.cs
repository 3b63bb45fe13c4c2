using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Funeng.Compute.Nodes;

/// <summary>
/// Node-level benchmarks on the Alibaba cluster-trace-gpu-v2023 (openb) cluster: placement decisions per second,
/// the FGD paper's inflation experiment, and a time-ordered replay against FIFO with EASY backfilling.
/// </summary>
internal static class NodeBench
{
    private static readonly string[] Variants = ["default", "gpushare40", "gpushare100", "multigpu50", "gpuspec33"];

    public static string? FindTraceFolder(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(given) ? given : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "data", "traces", "alibaba-gpu-v2023", "csv"), Path.Combine(dir.FullName, "..", "shared", "data", "traces", "alibaba-gpu-v2023", "csv") })
            {
                if (File.Exists(Path.Combine(candidate, "openb_node_list_gpu_node.csv")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }

    private static (NodeCluster Cluster, IReadOnlyList<NodePod> Pods) Load(string folder, string variant)
    {
        var cluster = NodeTraces.ReadNodes(Path.Combine(folder, "openb_node_list_gpu_node.csv"));
        return (cluster, NodeTraces.ReadPods(Path.Combine(folder, $"openb_pod_list_{variant}.csv"), cluster.Models));
    }

    private const string UncachedFgd = "fgd, scores not cached (reference)";

    public static void Decisions(StringBuilder report, string folder)
    {
        var (first, pods) = Load(folder, "default");
        var random = new Random(20231203);
        var queue = Enumerable.Range(0, 10_000).Select(_ => pods[random.Next(pods.Count)].Demand).ToList();
        report.AppendLine("## Node placement decisions per second").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"The trace's own cluster ({first.Nodes.Count:N0} nodes, {first.TotalGpus:N0} GPUs of {first.Models.Names.Count} models), empty at the start; 10,000 queued requests drawn (seeded) from `openb_pod_list_default.csv`, placed one after another, so the cluster fills and the last requests search every node in vain. Each decision keeps its explanation (policy, node, GPU, score, nodes that fitted). Best of three runs.").AppendLine();
        report.AppendLine("| policy | decisions | placed | seconds | decisions/s |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        // The last row is FGD scoring every node afresh, its scores not kept per node: what the cache saves, measured in the same run.
        foreach (var name in NodePolicy.Names.Append(UncachedFgd))
        {
            var best = double.MaxValue;
            var placed = 0;
            for (var run = 0; run < 3; run++)
            {
                var (cluster, _) = Load(folder, "default");
                var measure = Funeng.Compute.Nodes.Fragmentation.Of(pods.Select(p => p.Demand));
                var policy = name == UncachedFgd ? new Fgd(measure, cacheScores: false) : NodePolicy.Create(name, measure);
                var clock = Stopwatch.StartNew();
                placed = 0;
                foreach (var demand in queue)
                {
                    placed += policy.Place(cluster, demand) is null ? 0 : 1;
                }

                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {queue.Count:N0} | {placed:N0} | {best:0.000} | {queue.Count / best:N0} |");
        }

        report.AppendLine();
    }

    /// <summary>The paper's experiment; writes the curves to <paramref name="chartFile"/> for /compute/simulations.</summary>
    public static void Fragmentation(StringBuilder report, string folder, string? chartFile, int seeds)
    {
        report.AppendLine("## Fragmentation: the FGD paper's experiment").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Each pod list replayed on the trace's own node list (`openb_node_list_gpu_node.csv`): pods drawn at random with replacement arrive and never leave, each placed by the policy or counted as failed, until the arrived GPU demand is 130 % of the cluster's GPUs (Weng et al., ATC '23, §6). Unallocated = free GPU capacity (milli-GPU summed) as a share of all GPUs; fragmented = Σ_n F_n(M) with M the pod list's own mix of GPU jobs. Means of {seeds} seeds. Reduction = (best-fit − FGD) ÷ best-fit of unallocated GPUs.").AppendLine();
        report.AppendLine("| trace | policy | unallocated at 100 % arrived | unallocated at 130 % | fragmented at 100 % | first failure at (% arrived) | FGD's reduction vs best-fit at 130 % | seconds |");
        report.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var curves = new List<object>();
        foreach (var variant in Variants)
        {
            if (!File.Exists(Path.Combine(folder, $"openb_pod_list_{variant}.csv")))
            {
                continue;
            }

            var results = new Dictionary<string, (double U100, double U130, double F100, double FirstFail, double Seconds, double[] Curve)>();
            foreach (var name in NodePolicy.Names)
            {
                var clock = Stopwatch.StartNew();
                var runs = new List<IReadOnlyList<InflationPoint>>();
                for (var seed = 1; seed <= seeds; seed++)
                {
                    var (cluster, pods) = Load(folder, variant);
                    var measure = Funeng.Compute.Nodes.Fragmentation.Of(pods.Select(p => p.Demand));
                    runs.Add(NodeSimulation.Inflate(cluster, pods, NodePolicy.Create(name, measure), measure, seed));
                }

                double Mean(Func<IReadOnlyList<InflationPoint>, double> f) => runs.Average(f);
                results[name] = (Mean(r => r[99].UnallocatedPercent), Mean(r => r[^1].UnallocatedPercent), Mean(r => r[99].FragmentedPercent),
                    Mean(r => r.FirstOrDefault(p => p.Failed > 0)?.ArrivedPercent ?? 131), clock.Elapsed.TotalSeconds,
                    Enumerable.Range(0, runs[0].Count).Select(i => Math.Round(runs.Average(r => r[i].UnallocatedPercent), 3)).ToArray());
            }

            var bestFit = results["best-fit"].U130;
            foreach (var (name, r) in results)
            {
                var reduction = name == "fgd" && bestFit > 0 ? string.Create(CultureInfo.InvariantCulture, $"{(bestFit - r.U130) / bestFit * 100:0.0} %") : "";
                report.AppendLine(CultureInfo.InvariantCulture, $"| {variant} | {name} | {r.U100:0.00} % | {r.U130:0.00} % | {r.F100:0.00} % | {r.FirstFail:0.0} | {reduction} | {r.Seconds:0.0} |");
            }

            curves.Add(new { trace = variant, policies = results.Select(r => new { policy = r.Key, unallocated = r.Value.Curve }) });
        }

        report.AppendLine();
        if (chartFile is not null)
        {
            File.WriteAllText(chartFile, JsonSerializer.Serialize(new { generated = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), seeds, arrivedPercent = Enumerable.Range(1, 130), traces = curves }) + "\n");
            report.AppendLine(CultureInfo.InvariantCulture, $"Curves written to `{chartFile}` (shown on /compute/simulations).").AppendLine();
        }
    }

    /// <summary>
    /// Arrival rates of the time-ordered replay: the trace's own (1×), then its creation times divided by k. At its own
    /// rate the default pod list never has more than 65 GPUs' worth of pods at once on a 6,212-GPU cluster, so only a
    /// rate around a hundred times higher makes pods wait.
    /// </summary>
    private static readonly int[] Loads = [1, 32, 64, 96, 128];

    /// <summary>JCT and queueing on the time-ordered trace, each policy against FIFO with EASY backfilling; and the full replay time of the largest pod list.</summary>
    public static void TimeOrdered(StringBuilder report, string folder)
    {
        report.AppendLine("## JCT and queueing on the time-ordered trace").AppendLine();
        var (sample, _) = Load(folder, "default");
        report.AppendLine(CultureInfo.InvariantCulture, $"`openb_pod_list_default.csv` in creation order on the real cluster ({sample.Nodes.Count:N0} nodes, {sample.TotalGpus:N0} GPUs); each pod runs for its traced time (deletion − scheduled) once started. Baseline: FIFO with EASY backfilling (head reservation on the node where it can start earliest; backfill only if it ends before the reservation or uses another node; exact runtimes as estimates) with best-fit node choice. Policies: every waiting pod, in order, starts as soon as a node fits (greedy, as Kubernetes does), the node chosen by the policy; and FIFO with EASY backfilling choosing nodes by FGD. JCT = finish − creation. At the trace's own arrival rate (1×) the real cluster never makes a pod wait, so every policy ties; at its own rate the pods running at once never ask for more than about 65 GPUs (1 % of the cluster). The load is then raised by arriving faster: at k× every creation time is divided by k (same pods, same durations, k times the arrival rate), until queues form.").AppendLine();
        report.AppendLine("| arrivals | queueing | node policy | pods | avg JCT (h) | avg queueing (h) | p95 queueing (h) | backfilled | never fit | replay (s) |");
        report.AppendLine("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var load in Loads)
        {
            var baseline = Replay(folder, "default", load, "best-fit", Queueing.EasyBackfill, report, null);
            Replay(folder, "default", load, "fgd", Queueing.EasyBackfill, report, baseline);
            foreach (var name in NodePolicy.Names)
            {
                Replay(folder, "default", load, name, Queueing.Greedy, report, baseline);
            }
        }

        report.AppendLine();
        var largest = Directory.GetFiles(folder, "openb_pod_list_*.csv").Where(f => File.ReadLines(f).First().Contains("creation_time", StringComparison.Ordinal))
            .OrderByDescending(f => new FileInfo(f).Length).First();
        var variant = Path.GetFileNameWithoutExtension(largest)["openb_pod_list_".Length..];
        var clock = Stopwatch.StartNew();
        var replays = 0;
        foreach (var name in NodePolicy.Names)
        {
            foreach (var q in Enum.GetValues<Queueing>())
            {
                var (cluster, pods) = Load(folder, variant);
                NodeSimulation.Replay(cluster, pods, NodePolicy.Create(name, Funeng.Compute.Nodes.Fragmentation.Of(pods.Select(p => p.Demand))), q);
                replays++;
            }
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"Full time-ordered replay of the largest pod list (`{Path.GetFileName(largest)}`, at its own arrival rate) under all {NodePolicy.Names.Count} node policies × both queueings ({replays} replays): {clock.Elapsed.TotalSeconds:0.0} s.").AppendLine();
    }

    private static (double Jct, double Queue)? Replay(string folder, string variant, int load, string name, Queueing queueing, StringBuilder report, (double Jct, double Queue)? baseline)
    {
        var (cluster, traced) = Load(folder, variant);
        var pods = traced.Select(p => p with { Created = p.Created / load }).ToList();
        var clock = Stopwatch.StartNew();
        var outcomes = NodeSimulation.Replay(cluster, pods, NodePolicy.Create(name, Funeng.Compute.Nodes.Fragmentation.Of(pods.Select(p => p.Demand))), queueing);
        var seconds = clock.Elapsed.TotalSeconds;
        var ran = outcomes.Where(o => o.Node >= 0).ToList();
        var jct = ran.Average(o => (o.Start + o.Pod.Duration - o.Pod.Created) / 3600.0);
        var waits = ran.Select(o => (o.Start - o.Pod.Created) / 3600.0).Order().ToList();
        var queue = waits.Average();
        var p95 = waits[(int)Math.Min(waits.Count - 1, Math.Ceiling(0.95 * waits.Count) - 1)];
        var label = queueing == Queueing.EasyBackfill ? "FIFO + EASY backfill" : "greedy";
        var ratio = baseline is { } b
            ? string.Create(CultureInfo.InvariantCulture, $" (baseline ÷ this: JCT {b.Jct / jct:0.000}×, queueing {(queue > 0 ? (b.Queue / queue).ToString("0.00", CultureInfo.InvariantCulture) + "×" : b.Queue > 0 ? "∞" : "none either way")})")
            : " (baseline)";
        report.AppendLine(CultureInfo.InvariantCulture, $"| {load}× | {label} | {name}{ratio} | {ran.Count:N0} | {jct:0.000} | {queue:0.0000} | {p95:0.0000} | {ran.Count(o => o.Backfilled):N0} | {outcomes.Count - ran.Count:N0} | {seconds:0.00} |");
        return (jct, queue);
    }
}
