using Funeng.Compute.Scheduling;
using static Funeng.Compute.Tests.ComputeText;
using static Funeng.Compute.Tests.Scheduling.Cluster;

namespace Funeng.Compute.Tests.Scheduling;

public sealed class SchedulerTests
{
    private static readonly Dictionary<string, double> GuangzhouNear = new() { ["guangzhou"] = 0.4, ["shenzhen"] = 2.5 };
    private static readonly Dictionary<string, double> ShenzhenNear = new() { ["guangzhou"] = 2.5, ["shenzhen"] = 0.3 };

    [Fact]
    public void Cheapest_picks_the_lower_price_and_explains_the_rejected_centre()
    {
        var dear = Centre("Dear", "guangzhou", GuangzhouNear, pools: Pool("dear-a800", 8, 14m));
        var cheap = Centre("Cheap", "shenzhen", ShenzhenNear, pools: Pool("cheap-a800", 8, 9m));
        var scheduler = new Scheduler([dear, cheap], PlacementPolicy.Cheapest);

        var (placement, why) = scheduler.Place(Job(4, 10), Monday);

        Assert.Equal(cheap.Id, placement!.CentreId);
        Assert.Equal(360m, placement.Cost); // 4 devices × 10 h × ¥9
        Assert.Equal("Cheap", why.ChosenCentre);
        Assert.StartsWith("lowest cost: Cheap/cheap-a800", English(why.Reason), StringComparison.Ordinal);
        Assert.StartsWith("成本最低：Cheap/cheap-a800", Chinese(why.Reason), StringComparison.Ordinal);
        var rejected = Assert.Single(why.Rejected);
        Assert.Equal(("Dear", "not_best"), (rejected.Centre, rejected.Code));
        Assert.Contains("cost ¥560.00", English(rejected.Detail), StringComparison.Ordinal);
        Assert.Contains("费用 ¥560.00", Chinese(rejected.Detail), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_locality_rejects_centres_beyond_the_latency_bound_with_their_latency()
    {
        var guangzhou = Centre("GZ", "guangzhou", GuangzhouNear, pools: Pool("gz", 8, 14m));
        var shenzhen = Centre("SZ", "shenzhen", ShenzhenNear, pools: Pool("sz", 8, 9m));
        var scheduler = new Scheduler([shenzhen, guangzhou], PlacementPolicy.DataLocality);

        var (placement, why) = scheduler.Place(Job(2, 1, dataCity: "shenzhen", maxLatency: 1), Monday);

        Assert.Equal(shenzhen.Id, placement!.CentreId);
        var gz = Assert.Single(why.Rejected);
        Assert.Equal("latency_too_high", gz.Code);
        Assert.Equal("latency to Shenzhen 2.5 ms > 1 ms", English(gz.Detail));
        Assert.Equal("到深圳的时延 2.5 毫秒，超过上限 1 毫秒", Chinese(gz.Detail));
    }

    [Fact]
    public void A_request_no_centre_can_take_is_left_unplaced_with_every_reason()
    {
        var down = Centre("Down", "guangzhou", GuangzhouNear, up: false, pools: Pool("d", 8, 1m));
        var small = Centre("Small", "guangzhou", GuangzhouNear, pools: Pool("s", 2, 1m));
        var wrong = Centre("Wrong", "guangzhou", GuangzhouNear, pools: Pool("w", 64, 1m, accelerator: "Ascend 910"));
        var dear = Centre("Dear", "guangzhou", GuangzhouNear, pools: Pool("x", 64, 1000m));
        var scheduler = new Scheduler([down, small, wrong, dear], PlacementPolicy.EarliestFinish);

        var (placement, why) = scheduler.Place(Job(4, 10, budget: 1000m), Monday);

        Assert.Null(placement);
        Assert.Null(why.ChosenCentre);
        Assert.Equal(["centre_down", "too_few_devices", "no_suitable_pool", "over_budget"], why.Rejected.Select(r => r.Code));
    }

    [Fact]
    public void A_minimum_of_tflops_and_memory_accepts_any_accelerator_meeting_it()
    {
        var centre = Centre("Mixed", "guangzhou", GuangzhouNear, pools: [Pool("old", 8, 1m, accelerator: "V100", tflops: 125, memoryGb: 32), Pool("new", 8, 5m, accelerator: "Ascend 910B", tflops: 313, memoryGb: 64)]);
        var scheduler = new Scheduler([centre], PlacementPolicy.Cheapest);

        var (placement, _) = scheduler.Place(Job(2, 1, minTflops: 200, minMemoryGb: 64), Monday);

        Assert.Equal(centre.Pools[1].Id, placement!.PoolId);
    }

    [Fact]
    public void Backfilling_starts_a_short_job_in_a_gap_without_delaying_the_reserved_one()
    {
        var centre = Centre("One", "guangzhou", GuangzhouNear, pools: Pool("p", 8, 1m));
        var scheduler = new Scheduler([centre], PlacementPolicy.EarliestFinish);

        var running = scheduler.Place(Job(6, 10), Monday).Placement!;   // 6 of 8 busy until 18:00
        var wide = scheduler.Place(Job(8, 5), Monday).Placement!;       // needs all 8: waits until 18:00
        var narrow = scheduler.Place(Job(2, 4), Monday).Placement!;     // fits beside the first job now

        Assert.Equal(Monday, running.Start);
        Assert.Equal(Monday.AddHours(10), wide.Start);
        Assert.Equal(Monday, narrow.Start);
        Assert.True(narrow.End <= wide.Start);
    }

    [Fact]
    public void Fifo_never_starts_a_later_job_before_an_earlier_one()
    {
        var centre = Centre("One", "guangzhou", GuangzhouNear, pools: Pool("p", 8, 1m));
        var scheduler = new Scheduler([centre], PlacementPolicy.Fifo);

        scheduler.Place(Job(6, 10), Monday);
        var wide = scheduler.Place(Job(8, 5), Monday).Placement!;
        var narrow = scheduler.Place(Job(2, 4), Monday).Placement!;

        Assert.Equal(Monday.AddHours(10), wide.Start);
        Assert.True(narrow.Start >= wide.Start);
    }

    [Fact]
    public void A_deadline_that_cannot_be_met_rejects_the_busy_centre_and_picks_the_free_one()
    {
        var busy = Centre("Busy", "guangzhou", GuangzhouNear, pools: Pool("b", 8, 1m));
        var free = Centre("Free", "shenzhen", ShenzhenNear, pools: Pool("f", 8, 20m));
        var scheduler = new Scheduler([busy, free], PlacementPolicy.Cheapest);
        scheduler.Reserve(busy.Pools[0].Id, Monday, Monday.AddHours(48), 8);

        var (placement, why) = scheduler.Place(Job(4, 2, deadline: Monday.AddHours(12)), Monday);

        Assert.Equal(free.Id, placement!.CentreId);
        var missed = Assert.Single(why.Rejected);
        Assert.Equal("misses_deadline", missed.Code);
        // Wednesday 10:00 UTC and Tuesday 04:00 in China: a person reads the explanation in China Standard Time.
        Assert.Equal("b would finish at 2026-11-25 18:00, after the deadline 2026-11-24 04:00", English(missed.Detail));
        Assert.Equal("b 将于 2026-11-25 18:00 完成，晚于截止时间 2026-11-24 04:00", Chinese(missed.Detail));
    }

    [Fact]
    public void Earliest_finish_prefers_the_faster_device_when_the_job_gives_a_reference_speed()
    {
        var slow = Centre("Slow", "guangzhou", GuangzhouNear, pools: Pool("v100", 8, 1m, accelerator: "V100", tflops: 125));
        var fast = Centre("Fast", "guangzhou", GuangzhouNear, pools: Pool("h800", 8, 1m, accelerator: "H800", tflops: 500));
        var scheduler = new Scheduler([slow, fast], PlacementPolicy.EarliestFinish);
        var job = Job(1, 10, minTflops: 100) with { ReferenceTflops = 125 };

        var placement = scheduler.Place(job, Monday).Placement!;

        Assert.Equal(fast.Id, placement.CentreId);
        Assert.Equal(TimeSpan.FromHours(2.5), placement.End - placement.Start);
    }

    [Fact]
    public void Fair_share_puts_the_enterprise_least_served_for_its_weight_first()
    {
        var heavy = Guid.NewGuid();
        var light = Guid.NewGuid();
        var scheduler = new Scheduler([], PlacementPolicy.FairShare);
        var queue = new[] { Job(1, 1, enterprise: heavy, submitted: Monday), Job(1, 1, enterprise: light, submitted: Monday.AddHours(1)) };
        var used = new Dictionary<Guid, double> { [heavy] = 100, [light] = 10 };
        var weights = new Dictionary<Guid, double> { [heavy] = 1000, [light] = 10 };

        var order = scheduler.Order(queue, used, weights).Select(j => j.Enterprise).ToList();

        Assert.Equal([heavy, light], order); // heavy used 10% of its weight, light 100%
        Assert.Equal([heavy, light], new Scheduler([], PlacementPolicy.Cheapest).Order(queue.Reverse(), used, weights).Select(j => j.Enterprise));
    }

    [Fact]
    public void Data_locality_looks_outside_the_data_region_only_when_nothing_inside_fits()
    {
        var shaoguan = Centre("Shaoguan", "shaoguan", new Dictionary<string, double> { ["guangzhou"] = 4 }, pools: Pool("sg", 8, 1m));
        var guangzhou = Centre("GZ", "guangzhou", GuangzhouNear, pools: Pool("gz", 8, 1m));
        var scheduler = new Scheduler([shaoguan, guangzhou], PlacementPolicy.DataLocality);

        var first = scheduler.Place(Job(8, 10), Monday);
        Assert.Equal(guangzhou.Id, first.Placement!.CentreId);
        Assert.Equal("other_region", Assert.Single(first.Explanation.Rejected).Code);

        guangzhou = guangzhou with { Up = false };
        var second = new Scheduler([shaoguan, guangzhou], PlacementPolicy.DataLocality).Place(Job(8, 10), Monday);
        Assert.Equal(shaoguan.Id, second.Placement!.CentreId);
    }
}
