using System.Globalization;
using Funeng.Incentives.Awards;
using Funeng.Incentives.Rules;
using Funeng.Kernel;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Incentives.Tests.Rules;

public sealed class ProgramPackReaderTests
{
    private const string Champion = "programs/single-champion-reward.yaml";

    private static readonly Facts NoFacts = new(new Dictionary<string, int>(), [], null);

    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly), new UiStringSource(typeof(ProgramPack).Assembly)]);

    [Fact]
    public void The_guangdong_pack_has_the_five_required_programs_and_the_challenge_prize_program()
    {
        Assert.Equal(
            ["benchmark-case-reward", "challenge-and-lead-prize", "compute-vouchers", "first-of-kind-support", "major-special-projects", "single-champion-reward"],
            GuangdongPrograms.Pack.Programs.Select(p => p.Id).Order());
        Assert.Equal(AwardKind.Voucher, GuangdongPrograms.Program("compute-vouchers").Kind);
    }

    [Theory]
    [InlineData("single-champion-reward")]
    [InlineData("benchmark-case-reward")]
    [InlineData("major-special-projects")]
    public void Programs_of_the_ai_and_robotics_measures_close_on_2027_12_31(string id) =>
        Assert.Equal(new DateOnly(2027, 12, 31), GuangdongPrograms.Program(id).ValidTo);

    [Fact]
    public void Figures_the_sources_do_not_give_stay_unset()
    {
        // The notice period is the one exception: a procedure, not a figure of money or quota. No source sets it, so
        // the pack assumes the office's 7 days and says so in the parameter's note.
        var firstOfKind = GuangdongPrograms.Program("first-of-kind-support");
        Assert.All(firstOfKind.Parameters.Where(p => p.Name != AwardNotice.DaysParameter), p => Assert.Empty(p.Values));
        Assert.All(GuangdongPrograms.Pack.Programs, p => Assert.Empty(p.Parameter(p.Budget)!.Values));
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_refused_with_file_line_and_field()
    {
        var pack = GuangdongPrograms.CopyWith(Champion, t => t.Replace("value: 3_000_000", "value: three million", StringComparison.Ordinal));
        var error = SingleErrorIn(Champion, pack);
        Assert.Equal(Champion, error.File);
        Assert.Equal("parameters[1].values[0].value", error.Field);
        Assert.Equal(GuangdongPrograms.LineOf(pack, Champion, "three million"), error.Line);
    }

    [Fact]
    public void A_misspelt_field_is_refused_not_ignored()
    {
        var pack = GuangdongPrograms.CopyWith(Champion, t => t.Replace("expert_review: false", "expert_review: false\nexpert_reveiw: true", StringComparison.Ordinal));
        var error = SingleErrorIn(Champion, pack);
        Assert.Equal("expert_reveiw", error.Field);
        Assert.Equal("unknown field", English(error));
    }

    [Fact]
    public void A_formula_naming_an_undeclared_figure_is_refused()
    {
        var pack = GuangdongPrograms.CopyWith(Champion, t => t.Replace("maximum: max_award", "maximum: min(max_award, bonus_rate * annual_revenue)", StringComparison.Ordinal));
        var error = SingleErrorIn(Champion, pack);
        Assert.Equal("award.maximum", error.Field);
        Assert.Contains("bonus_rate", English(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Review_criteria_that_do_not_add_up_to_100_points_are_refused_with_file_line_and_field()
    {
        const string benchmark = "programs/benchmark-case-reward.yaml";
        var pack = GuangdongPrograms.CopyWith(benchmark, t => t.Replace("max_points: 40", "max_points: 45", StringComparison.Ordinal));
        var error = SingleErrorIn(benchmark, pack);
        Assert.Equal("review_criteria", error.Field);
        Assert.Equal("the max_points add up to 105, not 100", English(error));
        Assert.Equal(GuangdongPrograms.LineOf(pack, benchmark, "key: innovation"), error.Line); // the list's first line
    }

    [Fact]
    public void A_program_asking_for_expert_review_must_name_its_criteria()
    {
        const string benchmark = "programs/benchmark-case-reward.yaml";
        var pack = GuangdongPrograms.CopyWith(benchmark, t => t[..t.IndexOf("review_criteria:", StringComparison.Ordinal)] + t[t.IndexOf("documents:", StringComparison.Ordinal)..]);
        Assert.Equal("review_criteria", SingleErrorIn(benchmark, pack).Field);
    }

    [Fact]
    public void A_condition_over_an_undeclared_fact_is_refused()
    {
        var pack = GuangdongPrograms.CopyWith(Champion, t => t.Replace("fact: qualifications", "fact: awards_won", StringComparison.Ordinal));
        var errors = DataFileError.Among(Assert.Throws<InvalidInputException>(() => ProgramPackReader.Read(pack)));
        Assert.Contains(errors, e => e.Field == "eligibility[0].fact" && English(e).Contains("awards_won", StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_expecting_an_unknown_outcome_word_is_refused()
    {
        const string cases = "programs/single-champion-reward.cases.yaml";
        var pack = GuangdongPrograms.CopyWith(cases, t => t.Replace("outcome: eligible, amount: 3_000_000 }", "outcome: maybe, amount: 3_000_000 }", StringComparison.Ordinal));
        var errors = DataFileError.Among(Assert.Throws<InvalidInputException>(() => ProgramPackReader.Read(pack)));
        Assert.Contains(errors, e => e.File == cases && e.Field.EndsWith("expect.outcome", StringComparison.Ordinal));
    }

    [Fact]
    public void Formulas_parse_with_precedence_and_explain_each_step()
    {
        var formula = Formula.Parse("min(cap, rate * investment + 100)").Compile(new Dictionary<string, decimal?> { ["cap"] = 1_000m, ["rate"] = 0.5m, ["investment"] = 600m });
        var run = new FormulaRun { Missing = [], Steps = [] };
        var value = formula(NoFacts, ref run);
        Assert.Equal(400m, value);
        Assert.Equal(["rate × investment = 0.5 × 600 = 300", "(rate × investment) + 100 = 300 + 100 = 400", "min(cap, (rate × investment) + 100) = min(1,000, 400) = 400"],
            run.Steps!.Select(s => $"{s.Operation} = {s.Values}"));
    }

    [Fact]
    public void A_formula_names_its_codes_by_their_labels_in_the_readers_language_and_an_unknown_code_as_itself()
    {
        var formula = new FormulaText(Formula.Parse("min(max_voucher, voucher_rate * eligible_investment, unknown_code)"), GuangdongPrograms.Pack.Facts);

        Assert.Equal("min(算力券最高面额, 算力券补贴比例 × 项目合规投资额（元）, unknown_code)", formula.WordedIn(Text, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("min(Highest voucher, Voucher rate × Eligible project investment (yuan), unknown_code)", formula.WordedIn(Text, CultureInfo.GetCultureInfo("en")));
        Assert.Equal("min(max_voucher, voucher_rate × eligible_investment, unknown_code)", formula.Text);
    }

    [Fact]
    public void A_missing_value_makes_the_formula_unknown_and_names_it()
    {
        var formula = Formula.Parse("min(cap, rate * investment)").Compile(new Dictionary<string, decimal?> { ["cap"] = 5m, ["rate"] = null });
        var run = new FormulaRun { Missing = [] };
        Assert.Null(formula(NoFacts, ref run));
        Assert.Equal(["rate", "investment"], run.Missing);
        Assert.True(run.FactMissing); // investment is a fact; rate, an unset parameter, alone would not make the answer unknown
    }

    [Fact]
    public void A_division_by_zero_is_an_unknown_named_by_its_divisor()
    {
        var formula = Formula.Parse("cap / rate").Compile(new Dictionary<string, decimal?> { ["cap"] = 5m, ["rate"] = 0m });
        var run = new FormulaRun { Missing = [] };
        Assert.Null(formula(NoFacts, ref run));
        Assert.True(run.DivisionByZero);
        Assert.Equal(["rate (division by zero)"], run.Missing);
    }

    [Fact]
    public void A_formula_that_cannot_be_read_is_told_in_the_readers_language_with_its_line()
    {
        var pack = GuangdongPrograms.CopyWith(Champion, t => t.Replace("maximum: max_award", "maximum: max_award +", StringComparison.Ordinal));
        var error = SingleErrorIn(Champion, pack);
        Assert.Equal(("award.maximum", GuangdongPrograms.LineOf(pack, Champion, "maximum: max_award +")), (error.Field, error.Line));
        Assert.Equal("the formula ends too early", English(error));
        Assert.Equal("公式过早结束", error.Description.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese)));
    }

    [Fact]
    public void A_program_file_with_two_problems_is_told_in_Chinese_and_in_English()
    {
        var pack = GuangdongPrograms.CopyWith(Champion, t => t
            .Replace("expert_review: false", "expert_review: false\nexpert_reveiw: true", StringComparison.Ordinal)
            .Replace("fact: qualifications", "fact: awards_won", StringComparison.Ordinal));
        var refused = Assert.Throws<InvalidInputException>(() => ProgramPackReader.Read(pack));
        var chinese = InvalidInputException.Describe(refused.Problems.OfType<DataFileError>().Where(e => e.File == Champion), Text, CultureInfo.GetCultureInfo(UiCultures.Chinese));
        var english = InvalidInputException.Describe(refused.Problems.OfType<DataFileError>().Where(e => e.File == Champion), Text, CultureInfo.GetCultureInfo(UiCultures.English));

        var misspelt = $"{Champion}:{GuangdongPrograms.LineOf(pack, Champion, "expert_reveiw: true")}: expert_reveiw";
        var fact = $"{Champion}:{GuangdongPrograms.LineOf(pack, Champion, "fact: awards_won")}: eligibility[0].fact";
        Assert.Equal(["未知字段（是否拼写有误？）"], chinese[misspelt]);
        Assert.Equal(["“awards_won”未在 facts.yaml 中声明"], chinese[fact]);
        Assert.Equal(["unknown field"], english[misspelt]);
        Assert.Equal(["'awards_won' is not declared in facts.yaml"], english[fact]);
    }

    private static string English(DataFileError error) => error.Description.In(Text, CultureInfo.GetCultureInfo(UiCultures.English));

    /// <summary>The one error in <paramref name="file"/>; its cases file is refused too, as its program is.</summary>
    private static DataFileError SingleErrorIn(string file, string pack) =>
        Assert.Single(DataFileError.Among(Assert.Throws<InvalidInputException>(() => ProgramPackReader.Read(pack))), e => e.File == file);
}
