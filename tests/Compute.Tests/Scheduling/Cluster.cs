using Funeng.Compute.Scheduling;

namespace Funeng.Compute.Tests.Scheduling;

/// <summary>Small clusters and jobs for scheduler tests, named so a test reads as a scenario.</summary>
internal static class Cluster
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static CentreSpec Centre(string name, string city, IReadOnlyDictionary<string, double>? latency = null, bool up = true, params PoolSpec[] pools) =>
        new(Guid.NewGuid(), name, city, up, pools, latency ?? new Dictionary<string, double> { [city] = 0.5 });

    public static PoolSpec Pool(string name, int devices, decimal price, string accelerator = "A800", double tflops = 312, double memoryGb = 80, string engine = "simulator") =>
        new(Guid.NewGuid(), name, accelerator, devices, tflops, memoryGb, price, engine);

    public static JobDemand Job(int devices, double hours, string dataCity = "guangzhou", double? maxLatency = null, decimal? budget = null,
        DateTimeOffset? deadline = null, Guid? enterprise = null, DateTimeOffset? submitted = null, string[]? accelerators = null, double? minTflops = null, double? minMemoryGb = null) =>
        new(Guid.NewGuid(), enterprise ?? Guid.NewGuid(), accelerators ?? (minTflops is null && minMemoryGb is null ? ["A800"] : []), minTflops, minMemoryGb, devices,
            TimeSpan.FromHours(hours), submitted ?? Monday, submitted ?? Monday, deadline, dataCity, maxLatency, budget);
}
