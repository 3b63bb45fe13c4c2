using System.Globalization;
using System.Text;

// Usage: dotnet run -c Release --project bench/compute [-- --trace FILE] [--output OUTPUT.md] [--part placement|replay]
// 1. Placement decisions per second: 100 centres with 10 pools each (1,000 pools), 10,000 queued requests.
// 2. Each policy against FIFO on the largest public trace found in ../shared/data/traces/ (searched from the
//    working directory upwards), else on --trace FILE, else on a generated trace (fixed seed).
var options = BenchOptions.Parse(args);
var report = new StringBuilder();
report.AppendLine("# Compute benchmarks").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/compute{options.CommandLine}` · {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z · {Environment.ProcessorCount} cores · load average {LoadAverage.Read()} · .NET {Environment.Version}").AppendLine();

if (options.Part is null or "placement")
{
    PlacementBench.Run(report);
}

if (options.Part is null or "replay")
{
    await ReplayBench.RunAsync(report, options.Trace);
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
File.WriteAllText(options.Output, report.ToString());
Console.WriteLine(report);

internal sealed record BenchOptions(string? Trace, string Output, string? Part, string CommandLine)
{
    public static BenchOptions Parse(string[] args)
    {
        string? trace = null;
        string? part = null;
        var output = Path.Combine("bench", "results", "compute.md");
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--trace": trace = args[i + 1]; break;
                case "--output": output = args[i + 1]; break;
                case "--part": part = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --trace FILE, --output FILE and --part placement|replay");
            }
        }

        return new BenchOptions(trace, output, part, args.Length == 0 ? "" : " -- " + string.Join(' ', args));
    }
}

internal static class LoadAverage
{
    // Timings on a shared machine mean little without the load they were taken under.
    public static string Read() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
