using System.Diagnostics;
using System.Globalization;
using System.Text;
using Funeng.Compute.Scheduling;
using Funeng.Compute.Simulation;

// Usage: dotnet run -c Release --project bench/compute [-- OUTPUT.md]
// 1. Placement decisions per second: 100 centres with 10 pools each (1,000 pools), 10,000 queued requests.
// 2. Each policy's average JCT against FIFO on a generated trace (fixed seed) over the demo centres.
var output = args.Length > 0 ? args[0] : Path.Combine("bench", "results", "compute.md");
var report = new StringBuilder();
report.AppendLine("# Compute benchmarks").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/compute` · {DateTime.UtcNow:yyyy-MM-dd HH:mm}Z · {Environment.ProcessorCount} cores · .NET {Environment.Version}").AppendLine();

var accelerators = new[] { "Ascend 910B", "A800", "H800", "Ascend 910", "MLU370" };
var random = new Random(20261123);
var cities = Funeng.Kernel.Geography.GuangdongCities.All.Select(c => c.Slug).ToArray();
var centres = Enumerable.Range(0, 100).Select(c => new CentreSpec(Guid.NewGuid(), $"centre-{c:000}", cities[c % cities.Length], true,
    [.. Enumerable.Range(0, 10).Select(p => new PoolSpec(Guid.NewGuid(), $"c{c}-p{p}", accelerators[(c + p) % accelerators.Length], 8 * random.Next(4, 65),
        random.Next(100, 1000), 64, random.Next(5, 20), "simulator"))],
    cities.ToDictionary(city => city, city => city == cities[c % cities.Length] ? 0.4 : 1 + random.NextDouble() * 5))).ToList();
var now = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
var queue = Enumerable.Range(0, 10_000).Select(i => new JobDemand(Guid.NewGuid(), Guid.NewGuid(),
    i % 3 == 0 ? [] : [accelerators[i % accelerators.Length], accelerators[(i + 2) % accelerators.Length]], i % 3 == 0 ? 300 : null, i % 3 == 0 ? 32 : null,
    1 << random.Next(0, 6), TimeSpan.FromHours(0.5 + random.NextDouble() * 24), now, now, null, cities[i % cities.Length], i % 4 == 0 ? 3 : null, null)).ToList();

report.AppendLine("## Placement decisions per second").AppendLine();
report.AppendLine("100 centres × 10 pools (1,000 pools, 5 accelerator models), 10,000 queued requests (1–32 devices; a third by minimum TFLOPS and memory, a quarter with a 3 ms latency bound). Each decision evaluates every centre and pool and writes the full explanation.").AppendLine();
report.AppendLine("| policy | decisions | seconds | decisions/s |").AppendLine("| --- | ---: | ---: | ---: |");
foreach (var policy in PolicyNames.All)
{
    var scheduler = new Scheduler(centres, policy);
    var clock = Stopwatch.StartNew();
    var placed = 0;
    foreach (var job in scheduler.Order(queue, new Dictionary<Guid, double>(), new Dictionary<Guid, double>()))
    {
        placed += scheduler.Place(job, now).Placement is null ? 0 : 1;
    }

    clock.Stop();
    report.AppendLine(CultureInfo.InvariantCulture, $"| {PolicyNames.Of(policy)} | {queue.Count:N0} ({placed:N0} placed) | {clock.Elapsed.TotalSeconds:0.00} | {queue.Count / clock.Elapsed.TotalSeconds:N0} |");
}

// A generated trace: Poisson arrivals (one a minute on average) over a week, about 80 % of the demo centres' capacity; GPU counts and heavy-tailed
// run times in the proportions Philly and PAI report (most jobs 1 GPU and short, a few large and long).
var trace = new List<TraceJob>();
var t = 0d;
for (var i = 0; i < 10_000; i++)
{
    t += -Math.Log(1 - random.NextDouble()) * 60;
    var gpus = random.NextDouble() switch { < 0.55 => 1, < 0.75 => 2, < 0.88 => 4, < 0.96 => 8, < 0.99 => 16, _ => 64 };
    var minutes = Math.Exp(random.NextDouble() * Math.Log(8 * 60)); // 1 min .. 8 h, log-uniform
    trace.Add(new TraceJob($"job{i}", $"user{random.Next(0, 200)}", now.AddSeconds(t), TimeSpan.FromMinutes(minutes), gpus));
}

var demoCentres = Path.Combine(AppContext.BaseDirectory, "centres.demo.json");
var plan = CentresPlan.Load(demoCentres);
report.AppendLine().AppendLine("## Average JCT of each policy against FIFO").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Generated trace: {trace.Count:N0} jobs over {t / 86400:0.0} days (fixed seed), replayed on bench/compute/centres.demo.json ({plan.CentreCount} centres, {plan.DeviceCount:N0} devices; demo figures). The real Philly and Alibaba traces are not on this machine (../shared/data/traces/ does not exist), so no real trace was replayed.").AppendLine();
report.AppendLine("| policy | avg JCT (h) | p95 JCT (h) | avg queueing (h) | utilisation | cost (¥) | FIFO avg JCT ÷ policy's | replay (s) |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
var fifo = TraceReplay.Run(trace, plan, PlacementPolicy.Fifo);
foreach (var policy in PolicyNames.All)
{
    var o = policy == PlacementPolicy.Fifo ? fifo : TraceReplay.Run(trace, plan, policy);
    report.AppendLine(CultureInfo.InvariantCulture, $"| {o.Policy} | {o.AverageJctHours:0.00} | {o.P95JctHours:0.00} | {o.AverageQueueHours:0.00} | {o.Utilisation:P1} | {o.Cost:N0} | {fifo.AverageJctHours / o.AverageJctHours:0.00}× | {o.ReplaySeconds:0.00} |");
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
File.WriteAllText(output, report.ToString());
Console.WriteLine(report);
