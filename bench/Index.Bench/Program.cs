using System.Diagnostics;
using System.Globalization;
using Funeng.Index.Scoring;

// Recomputes the empowerment index with its sensitivity analysis (10,000 random weight and method draws) for
// 21 cities × 50 indicators × 10 years, five times after a warm-up, and writes the figures to
// bench/results/index.md. Run: dotnet run -c Release --project bench/Index.Bench [-- OUTPUT.md]
const int Cities = 21, Indicators = 50, Years = 10, Draws = 10_000, Runs = 5;
string[] pillars = ["platform_support", "model_cultivation", "scenario_development", "policy_system", "market_entities"];
var inputs = Enumerable.Range(0, Years).Select(year => Synthetic(year)).ToList();
var options = new SensitivityOptions(Draws, 20241);

RunAll(); // warm-up: JIT and tiered compilation
var timings = new List<double>();
for (var run = 0; run < Runs; run++)
{
    var watch = Stopwatch.StartNew();
    RunAll();
    timings.Add(watch.Elapsed.TotalMilliseconds);
}

timings.Sort();
var median = timings[Runs / 2];
var check = CompositeIndex.Compute(inputs[0], IndexMethod.Default, options);
var report = string.Join('\n',
    "# Empowerment index benchmark",
    "",
    $"Command: `dotnet run -c Release --project bench/Index.Bench` (writes this file).",
    "",
    $"Workload: {Cities} cities × {Indicators} indicators (5 pillars of 10, 5 % missing, log-normal values so some",
    $"indicators get the log transform) × {Years} years; each year computed once nominally and {Draws:N0} times under random",
    "weights (±50 %) and random normalisation and aggregation, giving each city's 5th/50th/95th percentile rank.",
    "",
    "| figure | value |",
    "| --- | --- |",
    $"| median of {Runs} runs, all {Years} years | **{median.ToString("0", CultureInfo.InvariantCulture)} ms** |",
    $"| fastest / slowest run | {timings[0].ToString("0", CultureInfo.InvariantCulture)} / {timings[^1].ToString("0", CultureInfo.InvariantCulture)} ms |",
    $"| per year (21 × 50, {Draws:N0} draws) | {(median / Years).ToString("0.0", CultureInfo.InvariantCulture)} ms |",
    $"| target | under 1,000 ms for all {Years} years |",
    $"| machine | {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; draws run in {CompositeIndex.SensitivityChunks} fixed chunks in parallel |",
    $"| load average when measured (1, 5, 15 min) | {LoadAverage()} (the machine is shared; an idle machine is faster) |",
    $"| check: year 0 leader, interval | {check.Units.MinBy(u => u.Rank)!.Unit}, ranks {check.Units.MinBy(u => u.Rank)!.RankLow}–{check.Units.MinBy(u => u.Rank)!.RankHigh} |",
    "");
var output = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "bench", "results", "index.md");
File.WriteAllText(output, report);
Console.WriteLine(report);

void RunAll()
{
    foreach (var input in inputs)
    {
        CompositeIndex.Compute(input, IndexMethod.Default, options);
    }
}

IndexInput Synthetic(int year)
{
    var random = new Random(1000 + year);
    var values = new double[Cities, Indicators];
    for (var u = 0; u < Cities; u++)
    {
        for (var i = 0; i < Indicators; i++)
        {
            // Log-normal around a city effect: a few large cities dominate, as in the real filing counts.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[u, i] = random.NextDouble() < 0.05 ? double.NaN : Math.Exp((3 - (u * 0.12)) + (gaussian * (i % 3 == 0 ? 1.5 : 0.4)));
        }
    }

    return new IndexInput(
        Enumerable.Range(0, Cities).Select(u => $"city{u}").ToList(),
        Enumerable.Range(0, Indicators).Select(i => new ScoredIndicator($"ind{i}", pillars[i % pillars.Length], i % 7 != 0, 1)).ToList(),
        values,
        pillars.Select(p => new PillarWeight(p, 1)).ToList());
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string FindRepoRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funeng.slnx")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
