using Funeng.Index.Progress;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Tests.Progress;

public sealed class ProgressRuleTests
{
    private static PolicyTarget Goal(decimal value, int year, Comparator comparator = Comparator.MoreThan, TargetKind kind = TargetKind.Goal) => new(
        "t", "pack", kind, "compute_capacity", new LocalizedText("算力", "Compute"), comparator, value, TargetUnit.Eflops, null, year, "province", true,
        null, null, null, new LocalizedText("文件", "Document"), new MeasureReference("doc", "1", new LocalizedText("措施", "Measure"), "file"));

    [Theory]
    // Baseline 20 in 2023, target 60 in 2027: the line expects 40 in 2025.
    [InlineData(40, nameof(ProgressStatus.OnTrack))]
    [InlineData(45, nameof(ProgressStatus.OnTrack))]
    [InlineData(36, nameof(ProgressStatus.AtRisk))] // 16 of the expected 20 = 0.8
    [InlineData(35, nameof(ProgressStatus.OffTrack))]
    [InlineData(61, nameof(ProgressStatus.Met))]
    public void A_goal_is_judged_against_the_straight_line_from_its_baseline(int latest, string status)
    {
        var expected = Enum.Parse<ProgressStatus>(status);
        var assessment = ProgressRule.Assess(Goal(60, 2027), [new YearValue(2023, 20), new YearValue(2025, latest)]);

        Assert.Equal(expected, assessment.Status);
        if (expected != ProgressStatus.Met)
        {
            Assert.Equal(40, assessment.Expected);
        }
    }

    [Fact]
    public void No_value_is_no_data_and_one_value_is_a_baseline_only()
    {
        Assert.Equal(ProgressStatus.NoData, ProgressRule.Assess(Goal(60, 2027), []).Status);
        Assert.Equal(ProgressStatus.BaselineOnly, ProgressRule.Assess(Goal(60, 2027), [new YearValue(2024, 10)]).Status);
    }

    [Fact]
    public void A_target_year_passed_unmet_is_off_track()
    {
        Assert.Equal(ProgressStatus.OffTrack, ProgressRule.Assess(Goal(40, 2025), [new YearValue(2023, 20), new YearValue(2025, 39)]).Status);
    }

    [Fact]
    public void An_at_most_target_is_on_track_when_the_value_falls_fast_enough()
    {
        var latency = Goal(1, 2027, Comparator.AtMost);

        Assert.Equal(ProgressStatus.OnTrack, ProgressRule.Assess(latency, [new YearValue(2023, 5), new YearValue(2025, 2.9m)]).Status);
        Assert.Equal(ProgressStatus.OffTrack, ProgressRule.Assess(latency, [new YearValue(2023, 5), new YearValue(2025, 4)]).Status);
    }

    [Fact]
    public void A_multiple_of_baseline_goal_is_measured_from_the_baseline()
    {
        var doubling = Goal(2, 2027, Comparator.MultipleOfBaseline);

        var assessment = ProgressRule.Assess(doubling, [new YearValue(2023, 50), new YearValue(2025, 80)]);

        Assert.Equal(100, assessment.Goal);
        Assert.Equal(ProgressStatus.OnTrack, assessment.Status);
    }

    [Fact]
    public void A_quota_is_within_or_over_for_the_latest_year()
    {
        var quota = Goal(10, 2026, Comparator.AtMost, TargetKind.Quota);

        Assert.Equal(ProgressStatus.OnTrack, ProgressRule.Assess(quota, [new YearValue(2026, 10)]).Status);
        Assert.Equal(ProgressStatus.OffTrack, ProgressRule.Assess(quota, [new YearValue(2026, 11)]).Status);
    }
}
