using Funeng.Incentives.Rules;
using static Funeng.Incentives.Tests.GuangdongPrograms;

namespace Funeng.Incentives.Tests.Rules;

/// <summary>"Why?" and "why not?" always have an answer: every condition and formula step is in the trace.</summary>
public sealed class ExplanationTests
{
    private static readonly DateOnly OnDate = new(2026, 6, 1);

    [Fact]
    public void An_eligible_champion_is_explained_step_by_step_with_the_values_used()
    {
        var verdict = Evaluate("single-champion-reward", new() { ["untrustworthy"] = "false", ["qualifications"] = "" }, [new Qualification("national_single_champion", new DateOnly(2025, 11, 20))]);

        Assert.Equal(EligibilityOutcome.Eligible, verdict.Outcome);
        Assert.Equal(3_000_000m, verdict.MaximumAmount);
        Assert.Collection(verdict.Trace,
            s => Assert.Equal((StepResult.Pass, "not on the untrustworthy-entity list"), (s.Result, English(s))),
            s => Assert.Equal((StepResult.Pass, "2026-06-01 within 2025-03-09 – 2027-12-31: yes"), (s.Result, English(s))),
            s => Assert.Equal((StepResult.Pass, "National manufacturing single champion held on 2026-06-01 (from 2025-11-20)"), (s.Result, English(s))),
            s => Assert.Equal((StepResult.Value, "cap per award: min(3,000,000, Highest award = 3,000,000) = 3,000,000"), (s.Result, English(s))));
        Assert.Equal("2026-06-01 持有“国家级制造业单项冠军”（自 2025-11-20 起）", Chinese(verdict.Trace[2]));
        Assert.Equal("单项奖补上限：min(3,000,000, 单项最高奖励 = 3,000,000) = 3,000,000", Chinese(verdict.Trace[3]));
    }

    [Fact]
    public void An_ineligible_enterprise_is_told_every_condition_it_fails()
    {
        var verdict = Evaluate("benchmark-case-reward", new() { ["untrustworthy"] = "false", ["project_type"] = "other", ["sector"] = "finance", ["in_key_cluster"] = "true" }, []);

        Assert.Equal(EligibilityOutcome.Ineligible, verdict.Outcome);
        Assert.Null(verdict.MaximumAmount);
        Assert.Contains(verdict.Trace, s => s.Rule == "ai-industrialisation-case" && s.Result == StepResult.Fail && English(s) == "Project type = Other, not one of: AI-empowered new industrialisation case");
        Assert.Contains(verdict.Trace, s => s.Rule == "manufacturing" && s.Result == StepResult.Fail && English(s) == "Sector = Finance, not one of: Intelligent manufacturing, Robots");
        Assert.Equal("“所属行业”为“智慧金融”，不属于：智能制造、机器人", Chinese(verdict.Trace.Single(s => s.Rule == "manufacturing")));
        Assert.Contains(verdict.Trace, s => s.Rule == "key-cluster" && s.Result == StepResult.Pass);
        Assert.Equal("The applicant is a manufacturer", verdict.Trace.Single(s => s.Rule == "manufacturing").Name!.En);
    }

    [Fact]
    public void An_enterprise_on_the_untrustworthy_list_is_ineligible_for_every_program_with_that_reason()
    {
        foreach (var program in GuangdongPrograms.Pack.Programs)
        {
            var verdict = Evaluate(program.Id, new() { ["untrustworthy"] = "true" }, []);
            Assert.Equal(EligibilityOutcome.Ineligible, verdict.Outcome);
            Assert.Contains(EligibilityEngine.Untrustworthy, verdict.Failed);
        }
    }

    [Fact]
    public void No_facts_at_all_give_unknown_never_a_silent_default()
    {
        foreach (var program in GuangdongPrograms.Pack.Programs)
        {
            var verdict = Evaluate(program.Id, [], []);
            Assert.Equal(EligibilityOutcome.Unknown, verdict.Outcome);
            Assert.Contains("untrustworthy", verdict.Needs);
        }
    }

    private static ProgramVerdict Evaluate(string programId, Dictionary<string, string> values, IReadOnlyList<Qualification> qualifications)
    {
        var program = GuangdongPrograms.Program(programId);
        var facts = GuangdongPrograms.Pack.Facts.Type(new FactValues(values, qualifications), out var errors);
        Assert.Empty(errors);
        return EligibilityEngine.Evaluate(program, new ParameterTimeline(program), facts, OnDate);
    }
}
