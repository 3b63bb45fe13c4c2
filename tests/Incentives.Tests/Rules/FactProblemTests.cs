using System.Globalization;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;

namespace Funeng.Incentives.Tests.Rules;

/// <summary>A written fact that does not fit is told by its key, in the reader's language (issue 11 item 3).</summary>
public sealed class FactProblemTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(UiCultures.Chinese);

    [Theory]
    [InlineData("city", "atlantis", "“atlantis”不是广东省的城市（如 guangzhou、shenzhen）。")]
    [InlineData("annual_revenue", "lots", "“lots”不是非负数。")]
    [InlineData("joint_research", "maybe", "“maybe”应为 true 或 false。")]
    [InlineData("colour", "red", "本政策包没有这一事实项。")]
    public void A_value_that_does_not_fit_its_fact_is_told_in_Chinese(string key, string value, string expected)
    {
        GuangdongPrograms.Pack.Facts.Type(new FactValues(new Dictionary<string, string> { [key] = value }, []), out var errors);

        Assert.Equal(expected, errors[key].In(GuangdongPrograms.Text, Chinese));
    }

    [Fact]
    public void A_choice_outside_its_list_names_the_choices_in_a_Chinese_sentence()
    {
        GuangdongPrograms.Pack.Facts.Type(new FactValues(new Dictionary<string, string> { ["size"] = "giant" }, [new Qualification("nobel_prize", new DateOnly(2020, 1, 1))]), out var errors);

        Assert.StartsWith("“giant”不在可选值之中：", errors["size"].In(GuangdongPrograms.Text, Chinese), StringComparison.Ordinal);
        Assert.StartsWith("“nobel_prize”不在可选值之中：", errors["qualifications"].In(GuangdongPrograms.Text, Chinese), StringComparison.Ordinal);
    }
}
