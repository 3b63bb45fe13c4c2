using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Tests.Rules;

/// <summary>Runs every case shipped beside every program of every pack: a policy officer adds a case, not C#.</summary>
public sealed class ProgramCaseTests
{
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

        var because = string.Join(Environment.NewLine, verdict.Trace.Select(t => $"  [{t.Result}] {t.Rule}: {t.Detail}"));
        Assert.True(c.Expected.Outcome == verdict.Outcome, $"{c}: expected {c.Expected.Outcome}, got {verdict.Outcome}{Environment.NewLine}{because}");
        Assert.True(c.Expected.Amount == verdict.MaximumAmount, $"{c}: expected amount {c.Expected.Amount}, got {verdict.MaximumAmount}{Environment.NewLine}{because}");
        Assert.Equal(c.Expected.Failed.Order(), verdict.Failed.Order());
        Assert.Equal(c.Expected.Needs.Order(), verdict.Needs.Order());
        Assert.Equal(c.Expected.MissingParameters.Order(), verdict.MissingParameters.Distinct().Order());
        // The screening's compiled form of the program gives the same answer, without the trace.
        Assert.Equal((verdict.Outcome, verdict.MaximumAmount), new CompiledProgram(program, new ParameterTimeline(program, c.Parameters), c.Date).Evaluate(facts, c.History));
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
}
