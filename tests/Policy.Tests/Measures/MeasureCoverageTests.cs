using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Policy.Contracts;
using Funeng.Policy.Measures;

namespace Funeng.Policy.Tests.Measures;

/// <summary>The pure rules of issue 13 item 5: which implementations belong to a measure and what that makes of it.</summary>
public sealed class MeasureCoverageTests
{
    private static readonly LocalizedText Name = new("名称", "Name");

    [Fact]
    public void A_measure_gets_what_names_it_and_what_feeds_one_of_its_targets_indicators_and_nothing_else()
    {
        var named = Item(ImplementationKind.IncentiveProgram, measures: ["gd-2024-ai-empowerment#9"]);
        var feeding = Item(ImplementationKind.CatalogListingType, indicators: ["industry_datasets"]);
        var otherDocument = Item(ImplementationKind.ScenarioList, measures: ["gz-2026-ai-work-points#9"]);
        var otherIndicator = Item(ImplementationKind.ComputeRegistry, indicators: ["compute_capacity"]);

        var found = MeasureCoverage.Of("gd-2024-ai-empowerment", "9", [Target("industry_datasets")], [named, feeding, otherDocument, otherIndicator]);

        Assert.Equal([named, feeding], found);
    }

    [Theory]
    [InlineData(new[] { ImplementationKind.IncentiveProgram }, 0, nameof(MeasureStatus.Implemented))]
    [InlineData(new[] { ImplementationKind.TargetProgress, ImplementationKind.ScenarioList }, 1, nameof(MeasureStatus.Implemented))]
    [InlineData(new[] { ImplementationKind.TargetProgress }, 1, nameof(MeasureStatus.TargetsOnly))]
    [InlineData(new ImplementationKind[0], 2, nameof(MeasureStatus.TargetsOnly))]
    [InlineData(new ImplementationKind[0], 0, nameof(MeasureStatus.NothingYet))]
    public void Status_is_implemented_by_anything_but_progress_else_targets_only_else_nothing_yet(ImplementationKind[] kinds, int targets, string expected) =>
        Assert.Equal(Enum.Parse<MeasureStatus>(expected), MeasureCoverage.StatusOf(kinds.Select(k => Item(k)).ToList(), targets));

    [Fact]
    public void Money_adds_up_the_programs_and_ignores_what_carries_none()
    {
        var money = MeasureCoverage.MoneyOf(
        [
            Item(ImplementationKind.IncentiveProgram) with { Money = new MeasureMoney(100m, 20m, 5m) },
            Item(ImplementationKind.IncentiveProgram) with { Money = new MeasureMoney(0.5m, 0m, 1m) },
            Item(ImplementationKind.ScenarioList),
        ]);

        Assert.Equal(new MeasureMoney(100.5m, 20m, 6m), money);
    }

    private static MeasureImplementation Item(ImplementationKind kind, string[]? measures = null, string[]? indicators = null) =>
        new(kind, Name, "/somewhere", measures ?? [], indicators);

    private static PolicyTarget Target(string indicator) => new(
        "t", "guangdong", TargetKind.Goal, indicator, Name, Comparator.AtLeast, 50m, TargetUnit.Count, null, 2027, "province", false, null, null, null,
        Name, new MeasureReference("gd-2024-ai-empowerment", "9", Name, "001.txt"));
}
