using System.Globalization;
using System.Text;
using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Tests.Rules;

/// <summary>Runs every case shipped beside every program of every pack: a policy officer adds a case, not C#.</summary>
public sealed class ProgramCaseTests
{
    /// <summary>
    /// Every case's whole verdict (outcome, amount, reasons and every trace step) as the engine gave it. A change to
    /// the rules or to how a step is explained shows here line by line; regenerate the file from the
    /// <c>ProgramCaseVerdicts.received.txt</c> the failing test writes, after reading the difference.
    /// </summary>
    private const string VerdictsFile = "ProgramCaseVerdicts.txt";

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var pack in Directory.GetDirectories(GuangdongPrograms.PacksDirectory).Where(d => Directory.Exists(Path.Combine(d, ProgramPackReader.ProgramsFolder))))
        {
            foreach (var (c, index) in ProgramPackReader.Read(pack).Cases.Select((c, i) => (c, i)))
            {
                data.Add(Path.GetFileName(pack), c.ToString(), index);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_case_of_every_pack_gets_the_verdict_it_expects(string pack, string name, int index)
    {
        var programs = ProgramPackReader.Read(Path.Combine(GuangdongPrograms.PacksDirectory, pack));
        var c = programs.Cases[index];
        Assert.Equal(name, c.ToString());
        var program = programs.Find(c.ProgramId)!;
        var facts = programs.Facts.Type(c.Facts, out var errors);
        Assert.Empty(errors);

        var verdict = EligibilityEngine.Evaluate(program, new ParameterTimeline(program, c.Parameters), facts, c.Date, c.History);

        var because = string.Join(Environment.NewLine, verdict.Trace.Select(t => $"  [{t.Result}] {t.Rule}: {GuangdongPrograms.English(t)}"));
        Assert.True(c.Expected.Outcome == verdict.Outcome, $"{c}: expected {c.Expected.Outcome}, got {verdict.Outcome}{Environment.NewLine}{because}");
        Assert.True(c.Expected.Amount == verdict.MaximumAmount, $"{c}: expected amount {c.Expected.Amount}, got {verdict.MaximumAmount}{Environment.NewLine}{because}");
        Assert.Equal(c.Expected.Failed.Order(), verdict.Failed.Order());
        Assert.Equal(c.Expected.Needs.Order(), verdict.Needs.Order());
        Assert.Equal(c.Expected.MissingParameters.Order(), verdict.MissingParameters.Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Without_a_trace_or_an_explanation_every_case_gets_the_same_answer(string pack, string name, int index)
    {
        var programs = ProgramPackReader.Read(Path.Combine(GuangdongPrograms.PacksDirectory, pack));
        var c = programs.Cases[index];
        Assert.Equal(name, c.ToString());
        var program = programs.Find(c.ProgramId)!;
        var facts = programs.Facts.Type(c.Facts, out _);
        var timeline = new ParameterTimeline(program, c.Parameters);
        var traced = EligibilityEngine.Evaluate(program, timeline, facts, c.Date, c.History);

        var untraced = EligibilityEngine.Evaluate(program, timeline, facts, c.Date, c.History, trace: false);
        var bare = new EligibilityEngine(program, timeline, c.Date).Evaluate(facts, c.History);

        Assert.Empty(untraced.Trace);
        Assert.Equal(Render(traced with { Trace = [] }), Render(untraced));
        Assert.Equal((traced.Outcome, traced.MaximumAmount), bare);
    }

    [Fact]
    public void Every_case_keeps_its_whole_verdict_and_trace()
    {
        var actual = new StringBuilder();
        foreach (var pack in Directory.GetDirectories(GuangdongPrograms.PacksDirectory).Where(d => Directory.Exists(Path.Combine(d, ProgramPackReader.ProgramsFolder))).Order())
        {
            var programs = ProgramPackReader.Read(pack);
            foreach (var c in programs.Cases)
            {
                var program = programs.Find(c.ProgramId)!;
                var verdict = EligibilityEngine.Evaluate(program, new ParameterTimeline(program, c.Parameters), programs.Facts.Type(c.Facts, out _), c.Date, c.History,
                    catalog: programs.Facts);
                actual.Append(c).Append('\n').Append(Render(verdict));
            }
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", VerdictsFile));
        if (expected != actual.ToString())
        {
            var received = Path.Combine(Path.GetTempPath(), "ProgramCaseVerdicts.received.txt");
            File.WriteAllText(received, actual.ToString());
            Assert.Fail($"The cases' verdicts or traces changed; compare tests/Incentives.Tests/Rules/{VerdictsFile} with {received}.");
        }
    }

    [Fact]
    public void Every_program_ships_cases_with_an_eligible_and_an_ineligible_or_unknown_answer()
    {
        foreach (var program in GuangdongPrograms.Pack.Programs)
        {
            var cases = GuangdongPrograms.Pack.Cases.Where(c => c.ProgramId == program.Id).ToList();
            Assert.Contains(cases, c => c.Expected.Outcome == EligibilityOutcome.Eligible);
            Assert.Contains(cases, c => c.Expected.Outcome != EligibilityOutcome.Eligible);
        }
    }

    private static string Render(ProgramVerdict v) =>
        $"{v.Outcome} {v.MaximumAmount?.ToString(CultureInfo.InvariantCulture) ?? "-"} failed[{string.Join(",", v.Failed)}] needs[{string.Join(",", v.Needs)}] missing[{string.Join(",", v.MissingParameters)}]\n"
        + string.Concat(v.Trace.Select(t => $"  [{t.Result}] {t.Rule} {t.Name?.En}: {GuangdongPrograms.English(t)}\n"));
}
