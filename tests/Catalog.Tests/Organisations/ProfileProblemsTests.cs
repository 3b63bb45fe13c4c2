using System.Globalization;
using Funeng.Catalog.Organisations;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Tests.Organisations;

/// <summary>What is wrong with a profile or a qualification is told in the reader's language (issue 11 item 3).</summary>
public sealed class ProfileProblemsTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(CatalogModule).Assembly)]);

    private static Dictionary<string, string[]> Chinese(IEnumerable<FieldProblem> problems) =>
        InvalidInputException.Describe(problems, Text, CultureInfo.GetCultureInfo(UiCultures.Chinese));

    [Fact]
    public void A_profile_with_every_field_wrong_is_refused_in_Chinese()
    {
        var problems = Chinese(OrganisationProfiles.Validate(new ProfileInput(
            " ", "Acme", null, "atlantis", null, "giant", ["space_mining"], null, "no-at-sign", null, null, null, null)));

        Assert.Equal("请填写中文法定名称。", problems["legalNameZh"].Single());
        Assert.Equal("“atlantis”不是广东省地市的代码（如 guangzhou、shenzhen）。", problems["citySlug"].Single());
        Assert.StartsWith("规模应为以下之一：", problems["size"].Single(), StringComparison.Ordinal);
        Assert.Equal("未知的领域：space_mining。", problems["sectors"].Single());
        Assert.Equal("不是电子邮件地址。", problems["contactEmail"].Single());
    }

    [Fact]
    public void A_qualification_without_issuer_evidence_or_a_valid_period_is_refused_in_Chinese()
    {
        var problems = Chinese(OrganisationProfiles.Validate(new QualificationInput("nobel_prize", " ", null, new DateOnly(2026, 5, 1), new DateOnly(2026, 1, 1), "")));

        Assert.StartsWith("资质类型应为以下之一：", problems["kind"].Single(), StringComparison.Ordinal);
        Assert.Equal("请填写授予机构。", problems["issuer"].Single());
        Assert.Equal("有效期的结束早于开始。", problems["validTo"].Single());
        Assert.Equal("请提供证明的链接或说明（证书、公布的名单）。", problems["evidence"].Single());
        Assert.Equal("请填写资质生效的第一天。", Chinese(OrganisationProfiles.Validate(new QualificationInput("specialised_sme", "工信厅", null, null, null, "list"))).Single().Value.Single());
    }
}
