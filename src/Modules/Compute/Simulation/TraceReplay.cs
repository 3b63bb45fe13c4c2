using System.Diagnostics;
using Funeng.Compute.Scheduling;

namespace Funeng.Compute.Simulation;

/// <summary>What one policy did with a trace.</summary>
internal sealed record PolicyOutcome(
    string Policy,
    int Jobs,
    int Placed,
    int Unplaceable,
    double AverageJctHours,
    double P95JctHours,
    double AverageQueueHours,
    double P95QueueHours,
    double Utilisation,
    decimal Cost,
    double DeviceHours,
    double ReplaySeconds);

/// <summary>
/// Replays a trace across a set of centres under one policy, with the same scheduler the live service uses.
/// Jobs arrive at their submission time and take the devices they held in the trace for as long as they ran
/// there; each job's data lives in its user's home city (a stable hash of the user over the centres' cities), so
/// data locality has something to be local to.
/// </summary>
internal static class TraceReplay
{
    public static PolicyOutcome Run(IReadOnlyList<TraceJob> trace, CentresPlan plan, PlacementPolicy policy, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(plan);
        var clock = Stopwatch.StartNew();
        var scheduler = new Scheduler(plan.Centres, policy);
        var cities = plan.Centres.Select(c => c.City).Distinct().Order(StringComparer.Ordinal).ToArray();
        var used = new Dictionary<Guid, double>();
        var weights = new Dictionary<Guid, double>();
        var users = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var jct = new List<double>(trace.Count);
        var queue = new List<double>(trace.Count);
        decimal cost = 0;
        double deviceHours = 0;
        var unplaceable = 0;
        var first = DateTimeOffset.MaxValue;
        var last = DateTimeOffset.MinValue;
        var done = 0;
        var jobs = trace.OrderBy(j => j.Submitted).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < jobs.Count;)
        {
            // Jobs submitted at the same moment form one batch, which fair share may reorder.
            var now = jobs[i].Submitted;
            var batch = new List<JobDemand>();
            for (; i < jobs.Count && jobs[i].Submitted == now; i++)
            {
                batch.Add(ToDemand(jobs[i], users, cities));
            }

            scheduler.Prune(now);
            foreach (var job in scheduler.Order(batch, used, weights))
            {
                var (placement, _) = scheduler.Place(job, now);
                done++;
                if (placement is null)
                {
                    unplaceable++;
                    continue;
                }

                jct.Add((placement.End - job.Submitted).TotalHours);
                queue.Add((placement.Start - job.Submitted).TotalHours);
                cost += placement.Cost;
                deviceHours += placement.DeviceHours;
                used[job.Enterprise] = used.GetValueOrDefault(job.Enterprise) + placement.DeviceHours;
                first = job.Submitted < first ? job.Submitted : first;
                last = placement.End > last ? placement.End : last;
            }

            if (done % 1000 < batch.Count || i == jobs.Count)
            {
                progress?.Report(done);
            }
        }

        var span = jct.Count == 0 ? 0 : (last - first).TotalHours;
        return new PolicyOutcome(PolicyNames.Of(policy), jobs.Count, jct.Count, unplaceable,
            Average(jct), Percentile(jct, 0.95), Average(queue), Percentile(queue, 0.95),
            span <= 0 ? 0 : deviceHours / (plan.DeviceCount * span), cost, deviceHours, clock.Elapsed.TotalSeconds);
    }

    private static JobDemand ToDemand(TraceJob job, Dictionary<string, Guid> users, string[] cities)
    {
        if (!users.TryGetValue(job.User, out var user))
        {
            user = StableIds.Of("user:" + job.User);
            users[job.User] = user;
        }

        return new JobDemand(StableIds.Of($"job:{job.Id}:{job.Submitted.UtcTicks}"), user, [], null, null, job.Gpus, job.Duration, job.Submitted, job.Submitted, null,
            cities.Length == 0 ? "guangzhou" : cities[StableHash(job.User) % cities.Length], null, null);
    }

    // string.GetHashCode changes between runs; a replay must put each user in the same city every time.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }

    private static double Average(List<double> values) => values.Count == 0 ? 0 : values.Average();

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
