using System.Globalization;
using Funeng.Compute.Simulation;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Nodes;

/// <summary>A pod of an Alibaba v2023 pod list at node grain: when it came, how long it ran, what it asked of one node.</summary>
internal sealed record NodePod(string Name, long Created, long Duration, NodeDemand Demand);

/// <summary>
/// Reads the Alibaba cluster-trace-gpu-v2023 files at node grain: the node list (<c>sn,cpu_milli,memory_mib,gpu,model</c>)
/// as a cluster, and a pod list with each pod's CPU, memory, GPUs or GPU share, and allowed GPU models (<c>gpu_spec</c>,
/// models separated by <c>|</c>). A bad row names the file, the line and the field.
/// </summary>
internal static class NodeTraces
{
    public const string NodeHeader = "sn,cpu_milli,memory_mib,gpu,model";

    public static NodeCluster ReadNodes(string file, GpuModels? models = null)
    {
        models ??= new GpuModels();
        var nodes = new List<GpuNode>();
        var line = 0;
        foreach (var row in File.ReadLines(file))
        {
            line++;
            if (line == 1)
            {
                if (!string.Equals(row.Trim(), NodeHeader, StringComparison.Ordinal))
                {
                    throw TraceProblem.AtLine(file, 1, "", ProblemMessage.Of("compute.trace.header", NodeHeader));
                }

                continue;
            }

            if (row.Length == 0)
            {
                continue;
            }

            var f = row.Split(',');
            if (f.Length != 5 || f[0].Length == 0)
            {
                throw TraceProblem.AtLine(file, line, "", ProblemMessage.Of("compute.trace.node-row", f.Length));
            }

            var gpus = Whole(file, line, "gpu", f[3], 0, 16);
            var model = f[4].Trim();
            nodes.Add(new GpuNode(nodes.Count, f[0], model.Length == 0 ? "none" : model, models.Id(model.Length == 0 ? "none" : model),
                Whole(file, line, "cpu_milli", f[1], 0, int.MaxValue), Whole(file, line, "memory_mib", f[2], 0, int.MaxValue), gpus));
        }

        return new NodeCluster(nodes, models);
    }

    /// <summary>The header of the <c>multigpu*</c> pod lists, which have no gpu_spec and no times.</summary>
    public const string ShortPodHeader = "name,cpu_milli,memory_mib,num_gpu,gpu_milli";

    /// <summary>
    /// The pods of an <c>openb_pod_list_*.csv</c> (the full header, or the short one of the <c>multigpu*</c> lists,
    /// whose pods all come at 0 and take no time); pods never scheduled keep a duration of 0.
    /// </summary>
    public static IReadOnlyList<NodePod> ReadPods(string file, GpuModels models)
    {
        var pods = new List<NodePod>();
        var line = 0;
        var columns = 11;
        foreach (var row in File.ReadLines(file))
        {
            line++;
            if (line == 1)
            {
                columns = row.Trim() switch
                {
                    OpenbTraceReader.Header => 11,
                    ShortPodHeader => 5,
                    _ => throw TraceProblem.AtLine(file, 1, "", ProblemMessage.Of("compute.trace.header-either", OpenbTraceReader.Header, ShortPodHeader)),
                };
                continue;
            }

            if (row.Length == 0)
            {
                continue;
            }

            var f = row.Split(',');
            if (f.Length != columns)
            {
                throw TraceProblem.AtLine(file, line, "", ProblemMessage.Of("compute.trace.columns", f.Length, columns));
            }

            if (columns == 5)
            {
                f = [.. f, "", "", "", "0", "0", "0"];
            }

            var gpus = Whole(file, line, "num_gpu", f[3], 0, 8);
            var milli = Whole(file, line, "gpu_milli", f[4], 0, 1000);
            if (gpus == 1 && milli == 0)
            {
                throw TraceProblem.AtLine(file, line, "gpu_milli", ProblemMessage.Of("compute.trace.one-gpu-milli"));
            }

            var created = Whole(file, line, "creation_time", f[8], 0, int.MaxValue);
            var deleted = f[9].Length == 0 ? created : Whole(file, line, "deletion_time", f[9], 0, int.MaxValue);
            var started = f[10].Length == 0 ? deleted : Whole(file, line, "scheduled_time", f[10], 0, int.MaxValue);
            var demand = NodeDemand.Create(Whole(file, line, "cpu_milli", f[1], 0, int.MaxValue), Whole(file, line, "memory_mib", f[2], 0, int.MaxValue),
                gpus, gpus == 1 ? milli : 1000, models.Mask(f[5]));
            pods.Add(new NodePod(f[0], created, Math.Max(0, deleted - started), demand));
        }

        return pods;
    }

    private static int Whole(string file, int line, string field, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw TraceProblem.AtLine(file, line, field, max == int.MaxValue
                ? ProblemMessage.Of("compute.trace.whole-number-from", text, min)
                : ProblemMessage.Of("compute.trace.whole-number", text, min, max));
}
