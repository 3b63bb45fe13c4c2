using Funeng.Index.Observations;
using Funeng.Index.Progress;
using Funeng.Kernel.Indicators;
using Funeng.Policy.Contracts;

namespace Funeng.Index.Tests.Progress;

/// <summary>Issue 13: the figures the office decides from follow how each target counts and say how far they can be trusted.</summary>
public sealed class TrueFiguresTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    private static Figure Reported(string indicator, int year, decimal value, bool invented = false) =>
        new(indicator, "province", year, value, FigureOrigin.Reported, "Provincial statistics", invented);

    [Fact]
    public void Bug_13_the_compute_registry_never_replaces_the_reported_capacity()
    {
        // 38 EFLOPS reported for 2025; one small pool registered in 2026 counts 0.79.
        var book = new ValueBook([Reported("compute_capacity", 2025, 38m)], [new LiveObservation("compute_capacity", "province", 2026, 0.79m, "Compute: registry")]);

        var progress = TrackProgress.Assess([TestTargets.Of("compute_capacity", 60, 2027, TargetCounting.Level)], book, Now).Single();

        Assert.Null(book.Get("compute_capacity", "province", 2026));
        Assert.Equal(new YearValue(2025, 38m), progress.Assessment.Latest);
        Assert.Equal((0.79m, 2026, 0.79m - 38m), (progress.Registry!.Value, progress.Registry.Year, progress.Registry.Difference!.Value));
        Assert.Equal(38m, progress.Registry.Other!.Value);
    }

    [Fact]
    public void A_registry_count_for_the_year_of_a_reported_figure_stands_beside_it_and_grades_it_inconsistent()
    {
        var book = new ValueBook([Reported("compute_capacity", 2026, 40m)], [new LiveObservation("compute_capacity", "province", 2026, 0.79m, "Compute: registry")]);

        var figure = book.Get("compute_capacity", "province", 2026)!;

        Assert.Equal((40m, FigureOrigin.Reported, EvidenceGrade.Inconsistent), (figure.Value, figure.Origin, figure.Grade));
        Assert.Equal(40m - 0.79m, figure.Difference);
    }

    [Fact]
    public void Where_nothing_is_reported_the_registry_count_is_the_live_figure()
    {
        var book = new ValueBook([], [new LiveObservation("compute_capacity", "city:shaoguan", 2026, 1.5m, "Compute: registry")]);

        Assert.Equal((1.5m, EvidenceGrade.Live), (book.Get("compute_capacity", "city:shaoguan", 2026)!.Value, book.Get("compute_capacity", "city:shaoguan", 2026)!.Grade));
    }

    [Fact]
    public void Bug_13_five_hundred_scenarios_by_2027_add_up_the_years_published()
    {
        var book = new ValueBook([], [
            new LiveObservation("application_scenarios", "province", 2025, 200, "Scenarios"),
            new LiveObservation("application_scenarios", "province", 2026, 250, "Scenarios"),
        ]);

        var cumulative = TrackProgress.Assess([TestTargets.Of("application_scenarios", 500, 2027, TargetCounting.Cumulative)], book, Now).Single();
        var perYear = TrackProgress.Assess([TestTargets.Of("application_scenarios", 500, 2027, TargetCounting.PerPeriod)], book, Now).Single();

        Assert.Equal(new YearValue(2026, 450), cumulative.Assessment.Latest);
        Assert.Equal(new YearValue(2026, 250), perYear.Assessment.Latest);
    }

    [Fact]
    public void A_cumulative_target_counts_nothing_from_before_its_policy_took_effect()
    {
        var book = new ValueBook([], [
            new LiveObservation("application_scenarios", "province", 2023, 90, "Scenarios"),
            new LiveObservation("application_scenarios", "province", 2025, 10, "Scenarios"),
        ]);

        var progress = TrackProgress.Assess([TestTargets.Of("application_scenarios", 500, 2027, TargetCounting.Cumulative)], book, Now).Single();

        Assert.Equal(new YearValue(2025, 10), progress.Assessment.Latest);
    }

    [Fact]
    public void A_cumulative_target_over_a_level_reads_the_level_as_it_is()
    {
        // Catalog counts what is in the catalog now: a level, already cumulative.
        var book = new ValueBook([], [new LiveObservation("algorithm_products", "province", 2026, 12, "Catalog")]);

        var progress = TrackProgress.Assess([TestTargets.Of("algorithm_products", 100, 2027, TargetCounting.Cumulative)], book, Now).Single();

        Assert.Equal(new YearValue(2026, 12), progress.Assessment.Latest);
    }

    [Theory]
    [InlineData(false, null, false, nameof(EvidenceGrade.Reported))]
    [InlineData(true, null, false, nameof(EvidenceGrade.Demo))]
    [InlineData(false, 7, true, nameof(EvidenceGrade.Live))]
    [InlineData(false, 9, true, nameof(EvidenceGrade.Inconsistent))]
    public void Every_figure_is_graded_by_its_evidence(bool invented, int? live, bool reportedToo, string grade)
    {
        Figure[] reported = [Reported("industry_datasets", 2026, 7m, invented)];
        LiveObservation[] counted = live is null ? [] : [new LiveObservation("industry_datasets", "province", 2026, live.Value, "Catalog")];
        var book = new ValueBook(reportedToo || live is null ? reported : [], counted);

        Assert.Equal(grade, book.Get("industry_datasets", "province", 2026)!.Grade.ToString());
    }
}
