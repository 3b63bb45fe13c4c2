using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Indicators;
using Funeng.Scenarios.Lists;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Lists;

public sealed class ListRulesTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(ScenariosModule).Assembly)]);

    [Fact]
    public void Only_published_scenarios_of_the_quotas_sector_and_region_count()
    {
        var quota = new ListQuota { Sector = "elder_care", Scope = "city:guangzhou", Target = 20 };
        Assert.True(ListRules.Counts(quota, Post("elder_care", "guangzhou", ScenarioStatus.Published)));
        Assert.False(ListRules.Counts(quota, Post("elder_care", "shenzhen", ScenarioStatus.Published)));
        Assert.False(ListRules.Counts(quota, Post("manufacturing", "guangzhou", ScenarioStatus.Published)));
        Assert.False(ListRules.Counts(quota, Post("elder_care", "guangzhou", ScenarioStatus.Closed)));
        Assert.True(ListRules.Counts(new ListQuota { Scope = "province" }, Post("manufacturing", "shenzhen", ScenarioStatus.Delivered)));
    }

    [Fact]
    public void A_scenario_outside_the_lists_city_or_sectors_does_not_fit()
    {
        var list = new ScenarioList { Scope = "city:guangzhou", Quotas = [new ListQuota { Sector = "elder_care", Scope = "city:guangzhou" }] };
        Assert.Null(ListRules.Misfit(list, Post("elder_care", "guangzhou", ScenarioStatus.Published)));
        var outside = ListRules.Misfit(list, Post("elder_care", "foshan", ScenarioStatus.Published));
        var noQuota = ListRules.Misfit(list, Post("finance", "guangzhou", ScenarioStatus.Published));

        Assert.Equal("scenarios.refusal.list-outside-scope", outside?.Key);
        Assert.Equal("scenarios.refusal.list-no-quota-for-sector", noQuota?.Key);
        Assert.Null(WordedInBoth.Problem(Text, outside!));
        Assert.Null(WordedInBoth.Problem(Text, noQuota!));
        Assert.Equal("该场景位于佛山，不在清单范围（广州）内。", outside!.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese)));
        Assert.Equal("The scenario is in Foshan, outside the list's scope (Guangzhou).", outside.In(Text, CultureInfo.GetCultureInfo(UiCultures.English)));
    }

    [Fact]
    public void A_list_takes_the_goal_of_its_year_else_the_nearest_later_one()
    {
        PolicyTarget[] goals = [Goal("a", 2025, 100), Goal("b", 2027, 500), Goal("c", 2030, 900)];
        Assert.Equal("b", ListRules.TargetFor(goals, 2026)!.Id);
        Assert.Equal("b", ListRules.TargetFor(goals, 2027)!.Id);
        Assert.Null(ListRules.TargetFor(goals, 2031));
    }

    [Fact]
    public void Live_counts_give_province_and_city_totals_per_sector_and_the_sector_indicator()
    {
        var observations = PublishedScenarioCounts.Count([("elder_care", "city:guangzhou", 2026), ("elder_care", "city:guangzhou", 2026), ("finance", "city:shenzhen", 2026)]);
        Assert.Equal(3, observations.Single(o => o is { Indicator: "application_scenarios", Scope: "province", Breakdown: null }).Value);
        Assert.Equal(2, observations.Single(o => o is { Indicator: "ai_elderly_care_scenarios", Scope: "city:guangzhou" }).Value);
        Assert.Equal(1, observations.Single(o => o is { Indicator: "application_scenarios", Scope: "city:shenzhen", Breakdown: "finance" }).Value);
        Assert.DoesNotContain(observations, o => o.Indicator == "ai_elderly_care_scenarios" && o.Scope == "city:shenzhen");
    }

    private static ScenarioPost Post(string sector, string city, ScenarioStatus status) => new() { Sector = sector, CitySlug = city, Status = status };

    private static PolicyTarget Goal(string id, int year, decimal value) => new(
        id, "gd", TargetKind.Goal, "application_scenarios", new LocalizedText("场景", "Scenarios"), Comparator.AtLeast, value, TargetUnit.Count,
        null, year, "province", false, null, null, null, new LocalizedText("文件", "Document"), new MeasureReference("doc", "1", new LocalizedText("措施", "Measure"), "x.txt"));
}
