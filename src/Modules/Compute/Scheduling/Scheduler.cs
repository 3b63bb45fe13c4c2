using System.Globalization;

namespace Funeng.Compute.Scheduling;

/// <summary>
/// Multi-level placement, region → centre → pool, under one policy. Pure and in memory: the live service and the
/// trace simulator both feed it centres, reservations and jobs, and it answers with placements and their reasons.
/// </summary>
internal sealed class Scheduler
{
    private readonly IReadOnlyList<CentreSpec> _centres;
    private readonly Dictionary<Guid, PoolTimeline> _timelines = [];
    private long _fifoFloor = long.MinValue;

    public Scheduler(IReadOnlyList<CentreSpec> centres, PlacementPolicy policy)
    {
        _centres = centres;
        Policy = policy;
        foreach (var pool in centres.SelectMany(c => c.Pools))
        {
            _timelines[pool.Id] = new PoolTimeline(pool.Devices);
        }
    }

    public PlacementPolicy Policy { get; }

    /// <summary>Records devices already taken (jobs placed or running before this round).</summary>
    public void Reserve(Guid poolId, DateTimeOffset start, DateTimeOffset end, int devices)
    {
        if (_timelines.TryGetValue(poolId, out var timeline))
        {
            timeline.Reserve(start.UtcTicks, end.UtcTicks, devices);
        }
    }

    public void Release(Placement placement, int devices) =>
        _timelines[placement.PoolId].Release(placement.Start.UtcTicks, placement.End.UtcTicks, devices);

    public void Prune(DateTimeOffset now)
    {
        foreach (var timeline in _timelines.Values)
        {
            timeline.Prune(now.UtcTicks);
        }
    }

    public int UsedDevicesAt(DateTimeOffset at) => _timelines.Values.Sum(t => t.UsedAt(at.UtcTicks));

    /// <summary>
    /// The order a queue is placed in: arrival order, except under fair share, where the enterprise that has used
    /// the least relative to its voucher weight goes first.
    /// </summary>
    public IEnumerable<JobDemand> Order(IEnumerable<JobDemand> queue, IReadOnlyDictionary<Guid, double> usedDeviceHours, IReadOnlyDictionary<Guid, double> weights) =>
        Policy == PlacementPolicy.FairShare
            ? queue.OrderBy(j => usedDeviceHours.GetValueOrDefault(j.Enterprise) / Math.Max(weights.GetValueOrDefault(j.Enterprise, 1), 1e-9))
                .ThenBy(j => j.Submitted).ThenBy(j => j.Id)
            : queue.OrderBy(j => j.Submitted).ThenBy(j => j.Id);

    /// <summary>Places one job and reserves its devices; returns null with the reasons if no centre can take it.</summary>
    public (Placement? Placement, PlacementExplanation Explanation) Place(JobDemand job, DateTimeOffset now)
    {
        var rejected = new List<RejectedCentre>();
        var feasible = new List<Candidate>();
        var from = Math.Max(Math.Max(job.EarliestStart.UtcTicks, now.UtcTicks), Policy == PlacementPolicy.Fifo ? _fifoFloor : long.MinValue);

        // Level 1, regions: the data's own region first. FIFO and data locality stop at the first region that fits.
        var regions = _centres.GroupBy(c => c.Region)
            .OrderBy(g => g.Key == GuangdongRegions.Of(job.DataCity) ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal);
        var stopAtFirstRegion = Policy is PlacementPolicy.Fifo or PlacementPolicy.DataLocality;
        foreach (var region in regions)
        {
            if (stopAtFirstRegion && feasible.Count > 0)
            {
                rejected.AddRange(region.Select(c => new RejectedCentre(c.Name, "other_region", $"region {region.Key} not needed: region {feasible[0].Centre.Region} fits")));
                continue;
            }

            // Level 2, centres; level 3, the best pool within each.
            foreach (var centre in region)
            {
                var (candidate, reason) = BestPoolIn(centre, job, from);
                if (candidate is null)
                {
                    rejected.Add(reason!);
                }
                else if (Policy == PlacementPolicy.Fifo && feasible.Count > 0)
                {
                    rejected.Add(new RejectedCentre(centre.Name, "not_first", $"FIFO takes the first centre that fits: {feasible[0].Centre.Name}"));
                }
                else
                {
                    feasible.Add(candidate);
                }
            }
        }

        if (feasible.Count == 0)
        {
            return (null, new PlacementExplanation(PolicyName, null, null, "no centre can take this request", rejected));
        }

        var ordered = feasible.OrderBy(c => c, new CandidateOrder(Policy)).ToList();
        var chosen = ordered[0];
        foreach (var other in ordered.Skip(1))
        {
            rejected.Add(new RejectedCentre(other.Centre.Name, "not_best", Describe(other)));
        }

        _timelines[chosen.Pool.Id].Reserve(chosen.Start, chosen.End, job.Devices);
        _fifoFloor = Math.Max(_fifoFloor, chosen.Start);
        var explanation = new PlacementExplanation(PolicyName, chosen.Centre.Name, chosen.Pool.Name, $"{WhyChosen()}: {Describe(chosen)}", rejected);
        return (new Placement(job.Id, chosen.Centre.Id, chosen.Pool.Id, new DateTimeOffset(chosen.Start, TimeSpan.Zero),
            new DateTimeOffset(chosen.End, TimeSpan.Zero), chosen.Cost, chosen.DeviceHours, explanation), explanation);
    }

    private string PolicyName => PolicyNames.Of(Policy);

    private string WhyChosen() => Policy switch
    {
        PlacementPolicy.Fifo => "first centre in the data's region that fits, in arrival order",
        PlacementPolicy.Cheapest => "lowest cost",
        PlacementPolicy.EarliestFinish => "earliest finish",
        PlacementPolicy.DataLocality => "lowest latency to the data's city",
        _ => "earliest finish for the least-served enterprise",
    };

    private (Candidate? Candidate, RejectedCentre? Reason) BestPoolIn(CentreSpec centre, JobDemand job, long from)
    {
        if (!centre.Up)
        {
            return (null, new RejectedCentre(centre.Name, "centre_down", "the centre is down"));
        }

        var hasLatency = centre.LatencyMs.TryGetValue(job.DataCity, out var latency);
        if (job.MaxLatencyMs is { } max)
        {
            if (!hasLatency)
            {
                return (null, new RejectedCentre(centre.Name, "no_latency_figure", $"no latency figure to {job.DataCity}"));
            }

            if (latency > max)
            {
                return (null, new RejectedCentre(centre.Name, "latency_too_high", string.Create(CultureInfo.InvariantCulture, $"latency to {job.DataCity} {latency:0.###} ms > {max:0.###} ms")));
            }
        }

        Candidate? best = null;
        RejectedCentre? firstReason = null;
        var order = new CandidateOrder(Policy);
        foreach (var pool in centre.Pools)
        {
            // Only the first refusal is kept, so only it is worded: formatting dominates a decision's cost.
            var (candidate, reason) = TryPool(centre, pool, job, from, hasLatency ? latency : double.MaxValue, explain: firstReason is null && best is null);
            if (candidate is not null && (best is null || order.Compare(candidate, best) < 0))
            {
                best = candidate;
            }

            firstReason ??= reason;
        }

        return best is not null ? (best, null) : (null, firstReason ?? new RejectedCentre(centre.Name, "no_suitable_pool", "the centre has no pools"));
    }

    private (Candidate?, RejectedCentre?) TryPool(CentreSpec centre, PoolSpec pool, JobDemand job, long from, double latency, bool explain)
    {
        var accepted = job.Accelerators.Count > 0
            ? job.Accelerators.Contains(pool.Accelerator, StringComparer.OrdinalIgnoreCase)
            : pool.Fp16Tflops >= (job.MinTflops ?? 0) && pool.MemoryGb >= (job.MinMemoryGb ?? 0);
        if (!accepted)
        {
            return (null, explain ? new RejectedCentre(centre.Name, "no_suitable_pool", $"no pool with an acceptable accelerator (has {pool.Accelerator})") : null);
        }

        if (job.Devices > pool.Devices)
        {
            return (null, explain ? new RejectedCentre(centre.Name, "too_few_devices", $"{pool.Name} has {pool.Devices} devices, {job.Devices} asked") : null);
        }

        var speedup = job.ReferenceTflops is > 0 && pool.Fp16Tflops > 0 ? job.ReferenceTflops.Value / pool.Fp16Tflops : 1;
        var duration = Math.Max(TimeSpan.TicksPerSecond, (long)(job.Duration.Ticks * speedup));
        var start = _timelines[pool.Id].EarliestStart(from, duration, job.Devices);
        var end = start + duration;
        var hours = (double)duration / TimeSpan.TicksPerHour;
        var deviceHours = hours * job.Devices;
        var cost = decimal.Round(pool.PricePerDeviceHour * (decimal)deviceHours, 2);
        if (job.Deadline is { } deadline && end > deadline.UtcTicks)
        {
            return (null, explain ? new RejectedCentre(centre.Name, "misses_deadline", $"{pool.Name} would finish at {Format(end)}, after the deadline {deadline.UtcDateTime:yyyy-MM-dd HH:mm}Z") : null);
        }

        if (job.Budget is { } budget && cost > budget)
        {
            return (null, explain ? new RejectedCentre(centre.Name, "over_budget", string.Create(CultureInfo.InvariantCulture, $"{pool.Name} would cost ¥{cost:N2} > budget ¥{budget:N2}")) : null);
        }

        return (new Candidate(centre, pool, start, end, cost, deviceHours, latency), null);
    }

    private static string Describe(Candidate c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Centre.Name}/{c.Pool.Name} start {Format(c.Start)}, finish {Format(c.End)}, cost ¥{c.Cost:N2}{(c.LatencyMs < double.MaxValue ? $", latency {c.LatencyMs:0.###} ms" : "")}");

    private static string Format(long ticks) => new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private sealed record Candidate(CentreSpec Centre, PoolSpec Pool, long Start, long End, decimal Cost, double DeviceHours, double LatencyMs);

    private sealed class CandidateOrder(PlacementPolicy policy) : IComparer<Candidate>
    {
        public int Compare(Candidate? x, Candidate? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var first = policy switch
            {
                PlacementPolicy.Fifo => x.Start.CompareTo(y.Start),
                PlacementPolicy.Cheapest => x.Cost.CompareTo(y.Cost),
                PlacementPolicy.DataLocality => x.LatencyMs.CompareTo(y.LatencyMs),
                _ => x.End.CompareTo(y.End),
            };
            if (first != 0)
            {
                return first;
            }

            var second = policy == PlacementPolicy.Cheapest ? x.End.CompareTo(y.End) : x.Cost.CompareTo(y.Cost);
            return second != 0 ? second : x.Pool.Id.CompareTo(y.Pool.Id);
        }
    }
}

/// <summary>Policy names as written in settings, the API and the command line.</summary>
public static class PolicyNames
{
    public static string Of(PlacementPolicy policy) => policy switch
    {
        PlacementPolicy.Fifo => "fifo",
        PlacementPolicy.Cheapest => "cheapest",
        PlacementPolicy.EarliestFinish => "earliest_finish",
        PlacementPolicy.DataLocality => "data_locality",
        _ => "fair_share",
    };

    public static IReadOnlyList<PlacementPolicy> All { get; } = Enum.GetValues<PlacementPolicy>();

    public static bool TryParse(string name, out PlacementPolicy policy)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Of(candidate), name.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase))
            {
                policy = candidate;
                return true;
            }
        }

        policy = default;
        return false;
    }
}
