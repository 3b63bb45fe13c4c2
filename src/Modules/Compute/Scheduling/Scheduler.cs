using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Scheduling;

/// <summary>
/// Multi-level placement, region → centre → pool, under one policy. Pure and in memory: the live service and the
/// trace simulator both feed it centres, reservations and jobs, and it answers with placements and their reasons.
/// Centres are grouped by region and their pools indexed by accelerator once, so a decision only looks at pools
/// that could take the job; explanations are worded only when read.
/// </summary>
internal sealed class Scheduler
{
    private static readonly ProblemMessage NoCentreFits = ProblemMessage.Of("compute.explain.no-centre-fits");
    private static readonly ProblemMessage CentreDown = ProblemMessage.Of("compute.explain.centre-down");
    private static readonly ProblemMessage NoPools = ProblemMessage.Of("compute.explain.no-pools");

    private readonly CentreIndex[][] _regions;
    private readonly string[] _regionNames;
    private readonly Dictionary<Guid, PoolTimeline> _timelines = [];
    private readonly Dictionary<string, int[]> _regionOrder = new(StringComparer.Ordinal);
    private readonly int _centreCount;
    private long _fifoFloor = long.MinValue;

    public Scheduler(IReadOnlyList<CentreSpec> centres, PlacementPolicy policy)
    {
        Policy = policy;
        _centreCount = centres.Count;
        var indexed = centres.Select(c => new CentreIndex(c, [.. c.Pools.Select(p => new PoolEntry(p, _timelines[p.Id] = new PoolTimeline(p.Devices)))])).ToList();
        var groups = indexed.GroupBy(c => c.Spec.Region).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        _regionNames = [.. groups.Select(g => g.Key)];
        _regions = [.. groups.Select(g => g.ToArray())];
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
        var rejected = new List<RejectedCentre>(_centreCount);
        var feasible = new List<Candidate>(_centreCount);
        var from = Math.Max(Math.Max(job.EarliestStart.UtcTicks, now.UtcTicks), Policy == PlacementPolicy.Fifo ? _fifoFloor : long.MinValue);
        var stopAtFirstRegion = Policy is PlacementPolicy.Fifo or PlacementPolicy.DataLocality;

        // Level 1, regions: the data's own region first. FIFO and data locality stop at the first region that fits.
        foreach (var r in RegionOrder(job.DataCity))
        {
            if (stopAtFirstRegion && feasible.Count > 0)
            {
                var (skipped, fitting) = (_regionNames[r], feasible[0].Centre.Spec.Region);
                foreach (var centre in _regions[r])
                {
                    rejected.Add(new RejectedCentre(centre.Spec, "other_region", () => ProblemMessage.Of("compute.explain.other-region", RegionName(skipped), RegionName(fitting))));
                }

                continue;
            }

            // Level 2, centres; level 3, the best pool within each.
            foreach (var centre in _regions[r])
            {
                if (!BestPoolIn(centre, job, from, out var candidate, out var reason))
                {
                    rejected.Add(reason!);
                }
                else if (Policy == PlacementPolicy.Fifo && feasible.Count > 0)
                {
                    var first = feasible[0].Centre.Spec.Label;
                    rejected.Add(new RejectedCentre(centre.Spec, "not_first", () => ProblemMessage.Of("compute.explain.not-first", first)));
                }
                else
                {
                    feasible.Add(candidate);
                }
            }
        }

        if (feasible.Count == 0)
        {
            return (null, new PlacementExplanation(PolicyName, null, null, NoCentreFits, rejected));
        }

        // The best by a linear scan; the others are listed in centre order, each worded only when read.
        var order = new CandidateOrder(Policy);
        var best = 0;
        for (var i = 1; i < feasible.Count; i++)
        {
            best = order.Compare(feasible[i], feasible[best]) < 0 ? i : best;
        }

        var chosen = feasible[best];
        for (var i = 0; i < feasible.Count; i++)
        {
            if (i != best)
            {
                var other = feasible[i];
                rejected.Add(new RejectedCentre(other.Centre.Spec, "not_best", () => Describe(other)));
            }
        }

        chosen.Pool.Timeline.Reserve(chosen.Start, chosen.End, job.Devices);
        _fifoFloor = Math.Max(_fifoFloor, chosen.Start);
        var explanation = new PlacementExplanation(PolicyName, chosen.Centre.Spec.Name, chosen.Pool.Spec.Name, ProblemMessage.Of("compute.explain.chosen." + PolicyName, Describe(chosen)), rejected);
        return (new Placement(job.Id, chosen.Centre.Spec.Id, chosen.Pool.Spec.Id, new DateTimeOffset(chosen.Start, TimeSpan.Zero),
            new DateTimeOffset(chosen.End, TimeSpan.Zero), chosen.ExactCost, chosen.DeviceHours, explanation), explanation);
    }

    private string PolicyName => PolicyNames.Of(Policy);

    private static ProblemMessage RegionName(string region) => ProblemMessage.Of("compute.region." + region);

    private int[] RegionOrder(string dataCity)
    {
        if (!_regionOrder.TryGetValue(dataCity, out var order))
        {
            var home = GuangdongRegions.Of(dataCity);
            order = [.. Enumerable.Range(0, _regionNames.Length).OrderBy(i => _regionNames[i] == home ? 0 : 1).ThenBy(i => i)];
            _regionOrder[dataCity] = order;
        }

        return order;
    }

    private bool BestPoolIn(CentreIndex centre, JobDemand job, long from, out Candidate best, out RejectedCentre? reason)
    {
        (best, reason) = (default, null);
        var spec = centre.Spec;
        if (!centre.Spec.Up)
        {
            reason = new RejectedCentre(spec, "centre_down", static () => CentreDown);
            return false;
        }

        var hasLatency = centre.Spec.LatencyMs.TryGetValue(job.DataCity, out var latency);
        if (job.MaxLatencyMs is { } max)
        {
            if (!hasLatency)
            {
                reason = new RejectedCentre(spec, "no_latency_figure", () => ProblemMessage.Of("compute.explain.no-latency-figure", GuangdongCities.NameOf(job.DataCity)));
                return false;
            }

            if (latency > max)
            {
                reason = new RejectedCentre(spec, "latency_too_high", () => ProblemMessage.Of("compute.explain.latency-too-high", GuangdongCities.NameOf(job.DataCity), latency, max));
                return false;
            }
        }

        var found = false;
        var order = new CandidateOrder(Policy);
        var considered = 0;
        var pick = new PoolPick(centre, job, from, hasLatency ? latency : double.MaxValue);
        if (job.Accelerators.Count > 0)
        {
            foreach (var accelerator in job.Accelerators)
            {
                if (centre.ByAccelerator.TryGetValue(accelerator, out var pools))
                {
                    considered += pools.Length;
                    pick.Consider(pools, order, ref best, ref found, ref reason);
                }
            }
        }
        else
        {
            considered = centre.Pools.Length;
            pick.Consider(centre.Pools, order, ref best, ref found, ref reason);
        }

        if (found)
        {
            reason = null;
            return true;
        }

        reason ??= considered == 0 && centre.Pools.Length > 0
            ? new RejectedCentre(spec, "no_suitable_pool", () => ProblemMessage.Of("compute.explain.no-acceptable-accelerator", centre.ByAccelerator.Keys.ToList()))
            : new RejectedCentre(spec, "no_suitable_pool", static () => NoPools);
        return false;
    }

    /// <summary>Tries the pools a centre could give one job; keeps the best and words only the first refusal.</summary>
    private readonly struct PoolPick(CentreIndex centre, JobDemand job, long from, double latency)
    {
        public void Consider(PoolEntry[] pools, CandidateOrder order, ref Candidate best, ref bool found, ref RejectedCentre? reason)
        {
            foreach (var pool in pools)
            {
                if (TryPool(centre, pool, job, from, latency, out var candidate, ref reason, explain: reason is null && !found)
                    && (!found || order.Compare(candidate, best) < 0))
                {
                    (best, found) = (candidate, true);
                }
            }
        }
    }

    private static bool TryPool(CentreIndex centre, PoolEntry entry, JobDemand job, long from, double latency, out Candidate candidate, ref RejectedCentre? reason, bool explain)
    {
        candidate = default;
        var pool = entry.Spec;
        var spec = centre.Spec;
        if (job.Accelerators.Count == 0 && (pool.Fp16Tflops < (job.MinTflops ?? 0) || pool.MemoryGb < (job.MinMemoryGb ?? 0)))
        {
            reason = explain ? new RejectedCentre(spec, "no_suitable_pool", () => ProblemMessage.Of("compute.explain.pool-too-weak", pool.Name, pool.Fp16Tflops, pool.MemoryGb)) : reason;
            return false;
        }

        if (job.Devices > pool.Devices)
        {
            reason = explain ? new RejectedCentre(spec, "too_few_devices", () => ProblemMessage.Of("compute.explain.too-few-devices", pool.Name, pool.Devices, job.Devices)) : reason;
            return false;
        }

        var speedup = job.ReferenceTflops is > 0 && pool.Fp16Tflops > 0 ? job.ReferenceTflops.Value / pool.Fp16Tflops : 1;
        var duration = Math.Max(TimeSpan.TicksPerSecond, (long)(job.Duration.Ticks * speedup));
        var start = entry.Timeline.EarliestStart(from, duration, job.Devices);
        var end = start + duration;
        var deviceHours = (double)duration / TimeSpan.TicksPerHour * job.Devices;
        candidate = new Candidate(centre, entry, start, end, entry.Price * deviceHours, deviceHours, latency);
        if (job.Deadline is { } deadline && end > deadline.UtcTicks)
        {
            var at = end;
            reason = explain ? new RejectedCentre(spec, "misses_deadline", () => ProblemMessage.Of("compute.explain.misses-deadline", pool.Name, Instant(at), deadline)) : reason;
            return false;
        }

        if (job.Budget is { } budget && candidate.ExactCost > budget)
        {
            var cost = candidate.ExactCost;
            reason = explain ? new RejectedCentre(spec, "over_budget", () => ProblemMessage.Of("compute.explain.over-budget", pool.Name, cost, budget)) : reason;
            return false;
        }

        return true;
    }

    // Instants stay instants: the reader sees them in China Standard Time, like every other time on the platform.
    private static ProblemMessage Describe(Candidate c) => c.LatencyMs < double.MaxValue
        ? ProblemMessage.Of("compute.explain.candidate-with-latency", c.Centre.Spec.Label, c.Pool.Spec.Name, Instant(c.Start), Instant(c.End), c.ExactCost, c.LatencyMs)
        : ProblemMessage.Of("compute.explain.candidate", c.Centre.Spec.Label, c.Pool.Spec.Name, Instant(c.Start), Instant(c.End), c.ExactCost);

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    private sealed class CentreIndex(CentreSpec spec, PoolEntry[] pools)
    {
        public CentreSpec Spec { get; } = spec;

        public PoolEntry[] Pools { get; } = pools;

        public Dictionary<string, PoolEntry[]> ByAccelerator { get; } = pools.GroupBy(p => p.Spec.Accelerator, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    private sealed class PoolEntry(PoolSpec spec, PoolTimeline timeline)
    {
        public PoolSpec Spec { get; } = spec;

        public PoolTimeline Timeline { get; } = timeline;

        public double Price { get; } = (double)spec.PricePerDeviceHour;
    }

    /// <summary>A pool that can take the job. Cost is compared as a double and made exact (decimal yuan) only when used.</summary>
    private readonly record struct Candidate(CentreIndex Centre, PoolEntry Pool, long Start, long End, double CostEstimate, double DeviceHours, double LatencyMs)
    {
        public decimal ExactCost => decimal.Round(Pool.Spec.PricePerDeviceHour * (decimal)DeviceHours, 2);
    }

    private readonly struct CandidateOrder(PlacementPolicy policy) : IComparer<Candidate>
    {
        public int Compare(Candidate x, Candidate y)
        {
            var first = policy switch
            {
                PlacementPolicy.Fifo => x.Start.CompareTo(y.Start),
                PlacementPolicy.Cheapest => x.CostEstimate.CompareTo(y.CostEstimate),
                PlacementPolicy.DataLocality => x.LatencyMs.CompareTo(y.LatencyMs),
                _ => x.End.CompareTo(y.End),
            };
            if (first != 0)
            {
                return first;
            }

            var second = policy == PlacementPolicy.Cheapest ? x.End.CompareTo(y.End) : x.CostEstimate.CompareTo(y.CostEstimate);
            return second != 0 ? second : x.Pool.Spec.Id.CompareTo(y.Pool.Spec.Id);
        }
    }
}
