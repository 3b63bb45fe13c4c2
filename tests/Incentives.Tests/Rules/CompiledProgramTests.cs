using System.Globalization;
using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Tests.Rules;

/// <summary>
/// The screening evaluates programs compiled for a date; the calculator runs the engine with its trace. Both must
/// answer alike for any facts, parameters and award history, or a screened enterprise would be told otherwise.
/// </summary>
public sealed class CompiledProgramTests
{
    private static readonly string[] Titles = ["national_single_champion", "specialised_sme", "little_giant", "high_tech_enterprise", "alliance_member"];

    [Fact]
    public void The_compiled_program_answers_as_the_engine_for_thousands_of_random_applicants()
    {
        var random = new Random(7);
        var pack = GuangdongPrograms.Pack;
        var compared = 0;
        for (var round = 0; round < 4_000; round++)
        {
            var date = new DateOnly(2024, 1, 1).AddDays(random.Next(365 * 5));
            var facts = pack.Facts.Type(RandomFacts(random, pack.Facts), out var errors);
            Assert.Empty(errors);
            var history = random.Next(3) == 0 ? null : new AwardHistory(random.Next(4) * 1_000_000m, random.Next(12), random.Next(5) * 10_000_000m);
            foreach (var program in pack.Programs)
            {
                var timeline = new ParameterTimeline(program, program.Parameters.Where(_ => random.Next(2) == 0)
                    .Select(p => (p.Name, new ParameterValue(new DateOnly(2024, 1, 1), p.Unit == "ratio" ? random.Next(1, 10) / 10m : random.Next(0, 5) * 1_500_000m))));
                var expected = EligibilityEngine.Evaluate(program, timeline, facts, date, history);
                var actual = new CompiledProgram(program, timeline, date).Evaluate(facts, history);
                Assert.True((expected.Outcome, expected.MaximumAmount) == actual,
                    $"{program.Id} on {date}: engine {expected.Outcome} {expected.MaximumAmount}, compiled {actual.Outcome} {actual.Amount}");
                compared++;
            }
        }

        Assert.Equal(4_000 * pack.Programs.Count, compared);
    }

    /// <summary>Every declared fact, each missing one time in five; numbers include zero (a division by zero must be caught alike).</summary>
    private static FactValues RandomFacts(Random random, FactCatalog catalog)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var titles = new List<Qualification>();
        foreach (var fact in catalog.All.Where(_ => random.Next(5) != 0))
        {
            values[fact.Key] = fact.Type switch
            {
                FactType.City => "zhongshan",
                FactType.Choice => fact.Choices[random.Next(fact.Choices.Count)],
                FactType.Money or FactType.Number => (random.Next(4) * 2_500_000).ToString(CultureInfo.InvariantCulture),
                FactType.Flag => random.Next(2) == 0 ? "true" : "false",
                _ => "answered",
            };
        }

        if (values.ContainsKey("qualifications"))
        {
            foreach (var title in Titles.Where(_ => random.Next(3) == 0))
            {
                var from = new DateOnly(2020, 1, 1).AddDays(random.Next(365 * 7));
                titles.Add(new Qualification(title, from, random.Next(2) == 0 ? null : from.AddYears(3)));
            }
        }

        return new FactValues(values, titles);
    }
}
