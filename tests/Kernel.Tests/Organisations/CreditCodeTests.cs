using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Organisations;

namespace Funeng.Kernel.Tests.Organisations;

public sealed class CreditCodeTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly)]);

    // Real codes of registered companies (Tencent's Shenzhen operating company, Huawei Technologies, Beijing Baidu
    // Netcom), checked by hand against an independent implementation of GB 32100-2015 and GB 11714.
    [Theory]
    [InlineData("91440300708461136T")]
    [InlineData("914403001922038216")]
    [InlineData("91110000802100433B")]
    public void Accepts_real_codes(string code) => Assert.Null(CreditCode.Problem(code));

    [Theory]
    [InlineData("91440300708461136A", "check character is 'A', expected 'T'")]
    [InlineData("91440300708461137X", "organisation code check character (17th) is '7', expected '6'")]
    [InlineData("9144030070846113T", "must have 18 characters")]
    [InlineData("91440300708461136I", "character 18 'I' is not allowed")]
    [InlineData("9144A300708461136T", "administrative division")]
    public void Names_what_is_wrong(string code, string expected) =>
        Assert.Contains(expected, CreditCode.Problem(code)!.In(Text, CultureInfo.GetCultureInfo(UiCultures.English)), StringComparison.Ordinal);

    [Theory]
    [InlineData("91440300708461136A", "校验码（第 18 位）为“A”，应为“T”")]
    [InlineData("9144030070846113T", "应为 18 个字符，实有 17 个")]
    [InlineData("91440300708461136I", "第 18 个字符“I”不允许使用（只能是数字和除 I、O、S、V、Z 以外的大写字母）")]
    public void Tells_a_Chinese_reader_what_is_wrong_in_Chinese(string code, string expected) =>
        Assert.Equal(expected, CreditCode.Problem(code)!.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese)));

    [Fact]
    public void The_check_character_of_the_first_17_is_the_18th()
    {
        Assert.Equal('T', CreditCode.CheckCharacter("91440300708461136"));
        Assert.Equal('6', CreditCode.OrganisationCodeCheck("70846113"));
    }
}
