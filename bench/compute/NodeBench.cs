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
    public static void Fragmentation(StringBuilder report, string folder, string? chartFile, int seeds, IReadOnlyList<string>? lists = null)
    {
        report.AppendLine("## Fragmentation: the FGD paper's experiment").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Each pod list replayed on the trace's own node list (`openb_node_list_gpu_node.csv`): the whole pod list in random order, then pods drawn from it at random (with replacement) appended until the GPU demand reaches 130 % of the cluster's GPUs, arrive and never leave, each placed by the policy or counted as failed (Weng et al., ATC '23, §6; their simulator's workload tuning with ratio 1.3). Unallocated = free GPU capacity (milli-GPU summed) as a share of all GPUs; fragmented = Σ_n F_n(M) with M the pod list's most frequent kinds (CPU-only ones included) covering 95 % of its pods, as their simulator builds it. Best-fit and FGD compare nodes by Kubernetes' integer score as their simulator does; ties go to the first node in an order drawn per run (their simulator's random node-name prefixes). Means of {seeds} seeds. Reduction = (best-fit − FGD) ÷ best-fit of unallocated GPUs.").AppendLine();
        report.AppendLine("| trace | policy | unallocated at 100 % arrived | unallocated at 130 % | fragmented at 100 % | first failure at (% arrived) | FGD's reduction vs best-fit at 130 % | GPUs partly used at 130 % | idle whole GPUs at 130 % | seconds |");
        report.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var curves = new List<object>();
        foreach (var variant in lists ?? Variants)
        {
            if (!File.Exists(Path.Combine(folder, $"openb_pod_list_{variant}.csv")))
            {
                continue;
            }

            var results = new Dictionary<string, (double U100, double U130, double F100, double FirstFail, double Partly, double Idle, double Seconds, double[] Curve)>();
            foreach (var name in NodePolicy.Names)
            {
                var clock = Stopwatch.StartNew();
                var runs = new List<IReadOnlyList<InflationPoint>>();
                var (partly, idle) = (0.0, 0.0);
                for (var seed = 1; seed <= seeds; seed++)
                {
                    var (nodes, pods) = Load(folder, variant);
                    var measure = Funeng.Compute.Nodes.Fragmentation.Of(pods.Select(p => p.Demand));
                    var (cluster, points) = NodeSimulation.Inflate(nodes, pods, NodePolicy.Create(name, measure), measure, seed);
                    runs.Add(points);
                    // Where the unallocated GPUs sit at the end: in pieces on GPUs that hold shares, or as whole idle GPUs.
                    partly += (double)cluster.Nodes.Sum(n => n.GpuFree.Count(g => g is > 0 and < GpuNode.Whole)) / seeds;
                    idle += (double)cluster.Nodes.Sum(n => n.WholeFree) / seeds;
                }

                double Mean(Func<IReadOnlyList<InflationPoint>, double> f) => runs.Average(f);
                results[name] = (Mean(r => r[99].UnallocatedPercent), Mean(r => r[^1].UnallocatedPercent), Mean(r => r[99].FragmentedPercent),
                    Mean(r => r.FirstOrDefault(p => p.Failed > 0)?.ArrivedPercent ?? 131), partly, idle, clock.Elapsed.TotalSeconds,
                    Enumerable.Range(0, runs[0].Count).Select(i => Math.Round(runs.Average(r => r[i].UnallocatedPercent), 3)).ToArray());
            }

            var bestFit = results["best-fit"].U130;
            foreach (var (name, r) in results)
            {
                var reduction = name == "fgd" && bestFit > 0 ? string.Create(CultureInfo.InvariantCulture, $"{(bestFit - r.U130) / bestFit * 100:0.0} %") : "";
                report.AppendLine(CultureInfo.InvariantCulture, $"| {variant} | {name} | {r.U100:0.00} % | {r.U130:0.00} % | {r.F100:0.00} % | {r.FirstFail:0.0} | {reduction} | {r.Partly:N0} | {r.Idle:N0} | {r.Seconds:0.0} |");
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
    /// The contention grid: the default pod list asks for 6,087 GPUs in all and, with every pod running at once, for
    /// at most 5,485 at a time, so on 6,212 GPUs no arrival rate alone can make a queue (see the measurement printed
    /// with the table). Repeating the list and raising the rate together can.
    /// </summary>
    private static readonly int[] PeakRates = [1, 32, 128, 1024];

    private static readonly ContendedWorkload[] Grid = [new(3, 1024), new(4, 1024), new(6, 1024), new(8, 1024), new(4, 4096), new(8, 4096)];

    /// <summary>JCT and queueing on the time-ordered trace made to contend, each policy against FIFO with EASY backfilling; and the full replay time of the largest pod list.</summary>
    public static void TimeOrdered(StringBuilder report, string folder)
    {
        report.AppendLine("## JCT and queueing on the time-ordered trace").AppendLine();
        var (sample, traced) = Load(folder, "default");
        var capacity = sample.TotalGpus;
        var peaks = string.Join(", ", PeakRates.Select(rate => string.Create(CultureInfo.InvariantCulture, $"{ContendedWorkload.PeakDemand(new ContendedWorkload(1, rate).Of(traced)):N0} GPUs at {rate}× the arrival rate")));
        var allAtOnce = ContendedWorkload.PeakDemand(traced.Select(p => p with { Created = 0 }));
        report.AppendLine(CultureInfo.InvariantCulture, $"Why the trace alone never queues: `openb_pod_list_default.csv` asks for {traced.Sum(p => p.Demand.TotalMilli) / 1000.0:N0} GPUs in all ({traced.Count:N0} pods) on a cluster of {capacity:N0}; if no pod ever waited, the pods running at once would ask at most for {peaks}, and {allAtOnce:N0} with every pod arriving at once. Arriving faster alone cannot fill the cluster.").AppendLine();
        report.AppendLine("So the workload is inflated as the FGD paper inflates it, with a clock: the list repeated c times and every creation time divided by r, copy j arriving j/c of the list's mean arrival gap (at that rate) after the original, so the copies interleave; every pod keeps its traced duration (deletion − scheduled). Copies rather than the paper's sampling with replacement: they keep the trace's arrival bursts, need no seed, and make the demand exactly c × the list's.").AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Baseline: FIFO with EASY backfilling (head reservation on the node where it can start earliest; backfill only if it ends before the reservation or uses another node; exact runtimes as estimates) with best-fit node choice. Policies: FIFO with EASY backfilling choosing nodes by FGD; and greedy (every waiting pod, in order, starts as soon as a node fits, as Kubernetes does) with each node policy. JCT = finish − creation, averaged over the pods that ran; never fit = pods no empty node could hold. Cluster: {sample.Nodes.Count:N0} nodes, {capacity:N0} GPUs.").AppendLine();
        report.AppendLine("| pods × rate | peak demand if none waited (GPUs) | queueing | node policy | pods | avg JCT (h) | avg queueing (h) | p95 queueing (h) | backfilled | never fit | replay (s) |");
        report.AppendLine("| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var best = new List<string>();
        foreach (var point in Grid)
        {
            var pods = point.Of(traced);
            var label = string.Create(CultureInfo.InvariantCulture, $"{point.Copies}× at {point.Rate}×");
            var peak = string.Create(CultureInfo.InvariantCulture, $"{ContendedWorkload.PeakDemand(pods):N0}");
            var baseline = Replay(folder, pods, label, peak, "best-fit", Queueing.EasyBackfill, report, null);
            var results = new List<(string Name, (double Jct, double Queue) Result)> { ("the baseline itself", baseline), ("FIFO + EASY backfill, fgd", Replay(folder, pods, label, peak, "fgd", Queueing.EasyBackfill, report, baseline)) };
            foreach (var name in NodePolicy.Names)
            {
                results.Add(($"greedy, {name}", Replay(folder, pods, label, peak, name, Queueing.Greedy, report, baseline)));
            }

            var (bestName, b) = results.MinBy(r => r.Result.Jct);
            best.Add(string.Create(CultureInfo.InvariantCulture, $"| {label} | {bestName} | {baseline.Jct:0.000} | {b.Jct:0.000} | {baseline.Jct / b.Jct:0.000}× | {baseline.Queue:0.000} | {b.Queue:0.000} | {(b.Queue > 0 ? (baseline.Queue / b.Queue).ToString("0.00", CultureInfo.InvariantCulture) + "×" : baseline.Queue > 0 ? "∞" : "none either way")} |"));
        }

        report.AppendLine();
        report.AppendLine("Best policy (lowest average JCT; the baseline itself if nothing beats it) against the baseline at each grid point; durations are the trace's and runtime estimates exact, so EASY backfilling here is at its best:").AppendLine();
        report.AppendLine("| pods × rate | best policy | baseline JCT (h) | best JCT (h) | baseline ÷ best JCT | baseline queueing (h) | best queueing (h) | baseline ÷ best queueing |");
        report.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in best)
        {
            report.AppendLine(row);
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

    private static (double Jct, double Queue) Replay(string folder, IReadOnlyList<NodePod> pods, string point, string peak, string name, Queueing queueing, StringBuilder report, (double Jct, double Queue)? baseline)
    {
        var (cluster, _) = Load(folder, "default");
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
        report.AppendLine(CultureInfo.InvariantCulture, $"| {point} | {peak} | {label} | {name}{ratio} | {ran.Count:N0} | {jct:0.000} | {queue:0.0000} | {p95:0.0000} | {ran.Count(o => o.Backfilled):N0} | {outcomes.Count - ran.Count:N0} | {seconds:0.00} |");
        return (jct, queue);
    }
}
