using System.Globalization;
using System.Text;

// Usage: dotnet run -c Release --project bench/compute [-- --traces FOLDER] [--output OUTPUT.md] [--chart FILE.json]
//        [--seeds N] [--lists default,gpuspec33] [--part placement|nodes|fragmentation|jct]
// 1. Cross-centre placement decisions per second: 100 centres with 10 pools each (1,000 pools), 10,000 queued requests.
// 2. Node placement decisions per second on the Alibaba v2023 cluster (1,213 nodes), 10,000 queued requests.
// 3. The FGD paper's inflation experiment on the default pod list and variants, on the trace's own node list.
// 4. JCT and queueing on the time-ordered trace, repeated and sped up until queues form, against FIFO with EASY backfilling; full replay time of the largest pod list.
// The trace folder (alibaba-gpu-v2023/csv) is --traces FOLDER, else shared/data/traces/... found upwards from here.
var options = BenchOptions.Parse(args);
var report = new StringBuilder();
report.AppendLine("# Compute benchmarks").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/compute{options.CommandLine}` · {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z · {Environment.ProcessorCount} cores · load average {LoadAverage.Read()} · .NET {Environment.Version}").AppendLine();

if (options.Part is null or "placement")
{
    PlacementBench.Run(report);
}

var traces = NodeBench.FindTraceFolder(options.Traces);
if (options.Part is null or "nodes" or "fragmentation" or "jct" && traces is null)
{
    report.AppendLine("The Alibaba v2023 trace folder was not found (give --traces FOLDER); node-level parts skipped.").AppendLine();
}
else if (traces is not null)
{
    if (options.Part is null or "nodes")
    {
        NodeBench.Decisions(report, traces);
    }

    if (options.Part is null or "fragmentation")
    {
        NodeBench.Fragmentation(report, traces, options.Chart, options.Seeds, options.Lists);
    }

    if (options.Part is null or "jct")
    {
        NodeBench.TimeOrdered(report, traces);
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
File.WriteAllText(options.Output, report.ToString());
Console.WriteLine(report);

internal sealed record BenchOptions(string? Traces, string Output, string? Part, string? Chart, int Seeds, string[]? Lists, string CommandLine)
{
    public static BenchOptions Parse(string[] args)
    {
        string? traces = null;
        string? part = null;
        string? chart = null;
        var seeds = 3;
        string[]? lists = null;
        var output = Path.Combine("bench", "results", "compute.md");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--traces": traces = args[i + 1]; break;
                case "--output": output = args[i + 1]; break;
                case "--part": part = args[i + 1]; break;
                case "--chart": chart = args[i + 1]; break;
                case "--seeds": seeds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--lists": lists = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --traces FOLDER, --output FILE, --chart FILE.json, --seeds N, --lists default,gpuspec33 and --part placement|nodes|fragmentation|jct");
            }
        }

        return new BenchOptions(traces, output, part, chart, seeds, lists, args.Length == 0 ? "" : " -- " + string.Join(' ', args));
    }
}

internal static class LoadAverage
{
    // Timings on a shared machine mean little without the load they were taken under.
    public static string Read() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
