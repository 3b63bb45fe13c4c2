using System.Diagnostics;
using System.Globalization;
using System.Text;
using Funeng.Compute.Scheduling;

/// <summary>Placement decisions per second: 100 centres × 10 pools (1,000 pools), 10,000 queued requests.</summary>
internal static class PlacementBench
{
    public static void Run(StringBuilder report)
    {
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
        report.AppendLine("100 centres × 10 pools (1,000 pools, 5 accelerator models), 10,000 queued requests (1–32 devices; a third by minimum TFLOPS and memory, a quarter with a 3 ms latency bound). Each decision considers every centre and keeps the explanation (its text is worded when read). Best of three runs per policy.").AppendLine();
        report.AppendLine("| policy | decisions | seconds | decisions/s |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var policy in PolicyNames.All)
        {
            var best = double.MaxValue;
            var placed = 0;
            for (var run = 0; run < 3; run++)
            {
                var scheduler = new Scheduler(centres, policy);
                var clock = Stopwatch.StartNew();
                placed = 0;
                foreach (var job in scheduler.Order(queue, new Dictionary<Guid, double>(), new Dictionary<Guid, double>()))
                {
                    placed += scheduler.Place(job, now).Placement is null ? 0 : 1;
                }

                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"| {PolicyNames.Of(policy)} | {queue.Count:N0} ({placed:N0} placed) | {best:0.00} | {queue.Count / best:N0} |");
        }
    }
}
