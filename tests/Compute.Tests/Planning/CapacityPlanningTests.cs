using Funeng.Compute.Planning;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Compute.Tests.Planning;

/// <summary>The capacity plan's rules: demand per city and month against registered devices, shortfalls, target gaps.</summary>
public sealed class CapacityPlanningTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>
    /// Guangzhou has 8 devices, Shenzhen 16. February 2027 has 28 days = 672 hours, so Guangzhou offers
    /// 8 × 672 = 5,376 device-hours and Shenzhen 16 × 672 = 10,752.
    ///   Guangzhou asks 8 devices × 600 h + 4 devices × 300 h = 4,800 + 1,200 = 6,000 → 6,000 − 5,376 = 624 short.
    ///   Shenzhen asks 16 × 100 h = 1,600, plus a 2-device, 10-hour job from 31 January 20:00 China time: 4 h fall in
    ///   January (8 device-hours), 6 h in February (12) → February 1,612, not short; January 8 of 16 × 744 = 11,904.
    ///   The province asks 6,000 + 1,612 = 7,612 of 24 × 672 = 16,128 in February: not short.
    /// </summary>
    [Fact]
    public void A_city_whose_requests_exceed_its_devices_in_a_month_is_short_by_exactly_the_difference()
    {
        DemandRequest[] requests =
        [
            new("guangzhou", new DateTimeOffset(2027, 2, 1, 0, 0, 0, China), 600, 8),
            new("guangzhou", new DateTimeOffset(2027, 2, 10, 9, 0, 0, China), 300, 4),
            new("shenzhen", new DateTimeOffset(2027, 2, 3, 0, 0, 0, China), 100, 16),
            new("shenzhen", new DateTimeOffset(2027, 1, 31, 20, 0, 0, China), 10, 2),
        ];
        CityCapacity[] capacity = [new("guangzhou", 8, 1.5), new("shenzhen", 16, 2.5)];

        var plan = CapacityPlanning.Plan(requests, capacity, []);

        Assert.Equal([new ChinaMonth(2027, 1), new ChinaMonth(2027, 2)], plan.Months);
        ScopeMonth Row(string scope, string month) => plan.Rows.Single(r => r.Scope == scope && r.Month.ToString() == month);
        Assert.Equal(new ScopeMonth("city:guangzhou", ChinaMonth.Parse("2027-02", "month"), 6000, 5376, 2), Row("city:guangzhou", "2027-02"));
        Assert.Equal(624, Row("city:guangzhou", "2027-02").ShortfallDeviceHours);
        Assert.Equal(new ScopeMonth("city:shenzhen", ChinaMonth.Parse("2027-02", "month"), 1612, 10752, 2), Row("city:shenzhen", "2027-02"));
        Assert.Equal(new ScopeMonth("city:shenzhen", ChinaMonth.Parse("2027-01", "month"), 8, 11904, 1), Row("city:shenzhen", "2027-01"));
        Assert.Equal(new ScopeMonth("city:guangzhou", ChinaMonth.Parse("2027-01", "month"), 0, 5952, 0), Row("city:guangzhou", "2027-01"));
        Assert.Equal(new ScopeMonth("province", ChinaMonth.Parse("2027-02", "month"), 7612, 16128, 4), Row("province", "2027-02"));
        Assert.Equal([("city:guangzhou", "2027-02", 624.0)], plan.Shortfalls.Select(s => (s.Scope, s.Month.ToString(), s.ShortfallDeviceHours)));
        Assert.Equal("province", plan.Rows[0].Scope);
    }

    [Fact]
    public void A_city_with_requests_and_no_centre_is_short_by_all_it_asks_and_one_with_centres_and_no_requests_is_listed()
    {
        var plan = CapacityPlanning.Plan([new("yunfu", new DateTimeOffset(2027, 3, 5, 0, 0, 0, China), 10, 3)], [new("guangzhou", 2, 0.1)], []);

        Assert.Equal((30.0, 0.0, 30.0), plan.Rows.Where(r => r.Scope == "city:yunfu").Select(r => (r.DemandDeviceHours, r.CapacityDeviceHours, r.ShortfallDeviceHours)).Single());
        Assert.Equal((0.0, 2 * 31 * 24.0), plan.Rows.Where(r => r.Scope == "city:guangzhou").Select(r => (r.DemandDeviceHours, r.CapacityDeviceHours)).Single());
    }

    [Theory]
    [InlineData("2027-02-28T16:00:00+00:00", 5, "2027-03", 5)] // midnight on 1 March in China: all of it in March
    [InlineData("2027-02-28T15:00:00+00:00", 5, "2027-02", 1)] // 23:00 on 28 February in China: one hour in February
    [InlineData("2026-12-31T22:00:00+08:00", 3, "2026-12", 2)] // crosses the year
    public void Hours_fall_in_the_months_of_china_time(string start, double hours, string firstMonth, double hoursInFirst)
    {
        var split = CapacityPlanning.HoursByMonth(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), hours).ToList();

        Assert.Equal((ChinaMonth.Parse(firstMonth, "month"), hoursInFirst), split[0]);
        Assert.Equal(hours, split.Sum(s => s.Hours));
    }

    [Fact]
    public void The_gap_to_each_eflops_target_is_the_target_less_the_registered_eflops_of_its_scope_and_keeps_its_measure()
    {
        var measure = new MeasureReference("gd-2024-ai-empowerment", "objectives", new LocalizedText("发展目标", "Objectives"), "gd.md");
        PolicyTarget Target(string id, string scope, decimal value, TargetUnit unit) => new(id, "guangdong", TargetKind.Goal, "compute_capacity",
            new LocalizedText("算力", "Compute"), Comparator.MoreThan, value, unit, null, 2027, scope, true, null, null, null, new LocalizedText("文件", "Document"), measure);

        var plan = CapacityPlanning.Plan([], [new("guangzhou", 8, 1.5), new("shenzhen", 16, 2.5)],
            [Target("province-60", "province", 60, TargetUnit.Eflops), Target("shenzhen-2", "city:shenzhen", 2, TargetUnit.Eflops), Target("count", "province", 5, TargetUnit.Count)]);

        Assert.Equal([("province-60", 4.0, 56.0), ("shenzhen-2", 2.5, 0.0)], plan.Gaps.Select(g => (g.Target.Id, g.InstalledEflops, g.GapEflops)));
        Assert.All(plan.Gaps, g => Assert.Equal("objectives", g.Target.Measure.Number));
        Assert.Empty(plan.Months);
    }
}
