using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Cases;
using Funeng.Scenarios.Data;
using Funeng.TestSupport;

namespace Funeng.Scenarios.Tests.Cases;

public sealed class CaseRulesTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(ScenariosModule).Assembly)]);

    private static CreateCaseRequest Valid() => new("社区养老机器人试点", "三家养老院试用六个月。", [new OutcomeRequest("跌倒响应时间", -52.5m, "%")]);

    /// <summary>The message worded in both languages, each a text of its own (no missing-key marker, not the same words).</summary>

    [Fact]
    public void A_complete_case_has_no_problems() => Assert.Empty(CaseRules.Problems(Valid()));

    [Theory]
    [InlineData("title")]
    [InlineData("summary")]
    [InlineData("outcomes")]
    public void A_missing_part_is_refused_by_its_field_with_a_message_in_both_languages(string field)
    {
        var request = field switch
        {
            "title" => Valid() with { Title = " " },
            "summary" => Valid() with { Summary = null },
            _ => Valid() with { Outcomes = [] },
        };

        var problem = Assert.Single(CaseRules.Problems(request));

        Assert.Equal(field, problem.Field);
        Assert.Equal("scenarios.problem.case-" + field, problem.Description.Key);
        Assert.Null(WordedInBoth.Problem(Text, problem.Description));
    }

    [Fact]
    public void Each_limit_is_refused_one_character_past_it_and_accepted_at_it()
    {
        Assert.Empty(CaseRules.Problems(Valid() with { Title = new string('题', CaseRules.MaxTitle), Summary = new string('文', CaseRules.MaxSummary) }));
        Assert.Equal(["title", "summary", "outcomes"], CaseRules.Problems(new CreateCaseRequest(
            new string('题', CaseRules.MaxTitle + 1), new string('文', CaseRules.MaxSummary + 1), [new OutcomeRequest("成效", 1m, new string('单', CaseRules.MaxUnit + 1))])).Select(p => p.Field));
    }

    [Theory]
    [InlineData(nameof(ScenarioStatus.Draft))]
    [InlineData(nameof(ScenarioStatus.Published))]
    public void Only_a_delivered_scenario_becomes_a_case_and_the_refusal_names_the_status(string status)
    {
        var refused = Assert.Throws<DomainRuleException>(() => CaseRules.RequireDelivered(Enum.Parse<ScenarioStatus>(status)));

        Assert.Equal((409, "status"), (refused.Status, refused.Field));
        Assert.Null(WordedInBoth.Problem(Text, refused.Description));
        Assert.Contains("只有已交付的场景才能成为案例", refused.Description.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_delivered_scenario_without_a_case_may_have_one()
    {
        CaseRules.RequireDelivered(ScenarioStatus.Delivered);
        CaseRules.RequireNoCaseYet(hasCase: false);
        var second = Assert.Throws<DomainRuleException>(() => CaseRules.RequireNoCaseYet(hasCase: true));
        Assert.Equal((409, "scenarioId"), (second.Status, second.Field));
        Assert.Null(WordedInBoth.Problem(Text, second.Description));
    }

    [Fact]
    public void Only_office_staff_designate_and_only_once()
    {
        var notOffice = Assert.Throws<DomainRuleException>(() => CaseRules.RequireDesignator(isOffice: false));
        Assert.Equal(403, notOffice.Status);
        Assert.Null(WordedInBoth.Problem(Text, notOffice.Description));

        var again = Assert.Throws<DomainRuleException>(() => CaseRules.RequireNotYetBenchmark(2026));
        Assert.Equal((409, "id"), (again.Status, again.Field));
        Assert.Null(WordedInBoth.Problem(Text, again.Description));

        var writer = Assert.Throws<DomainRuleException>(() => CaseRules.RequireWriter(mayActOnScenario: false));
        Assert.Equal(403, writer.Status);
        Assert.Null(WordedInBoth.Problem(Text, writer.Description));
    }

    [Fact]
    public void The_default_award_reasons_name_the_case_in_both_languages()
    {
        var reasons = CaseRules.DefaultAwardReasons("社区养老机器人试点");
        Assert.Null(WordedInBoth.Problem(Text, reasons));
        Assert.Equal("认定为标杆案例：社区养老机器人试点", reasons.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese)));
    }
}
