using Funeng.Compute.Scheduling;

namespace Funeng.Compute.Tests.Scheduling;

public sealed class PoolTimelineTests
{
    [Theory]
    [InlineData(4, 0, 0)]     // 4 free now: starts now
    [InlineData(5, 0, 10)]    // needs 5: waits until the 4-device job ends at 10
    [InlineData(8, 0, 20)]    // needs all 8: waits until the later reservation ends at 20
    [InlineData(9, 0, long.MaxValue)]
    public void Finds_the_earliest_start_with_enough_free_devices(int devices, long from, long expected)
    {
        var timeline = new PoolTimeline(8);
        timeline.Reserve(0, 10, 4);
        timeline.Reserve(5, 20, 1);

        var start = timeline.EarliestStart(from, 3, devices);

        Assert.Equal(expected, start);
    }

    [Fact]
    public void A_released_reservation_frees_its_devices()
    {
        var timeline = new PoolTimeline(2);
        timeline.Reserve(0, 100, 2);
        Assert.Equal(100, timeline.EarliestStart(0, 10, 1));

        Assert.True(timeline.Release(0, 100, 2));

        Assert.Equal(0, timeline.EarliestStart(0, 10, 1));
    }
}
