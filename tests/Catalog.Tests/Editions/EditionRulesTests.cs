using System.Globalization;
using Funeng.Catalog.Data;
using Funeng.Catalog.Editions;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.TestSupport;

namespace Funeng.Catalog.Tests.Editions;

public sealed class EditionRulesTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(CatalogModule).Assembly)]);

    private static EditionInput Valid() => new("2026年创新产品推荐目录", "2026 innovative products", 2026, "说明", "Description");

    private static string In(string culture, ProblemMessage message) => message.In(Text, CultureInfo.GetCultureInfo(culture));

    [Fact]
    public void A_complete_edition_has_no_problems() => Assert.Empty(EditionRules.Problems(Valid()));

    [Theory]
    [InlineData("titleZh")]
    [InlineData("titleEn")]
    [InlineData("year")]
    [InlineData("descriptionZh")]
    [InlineData("descriptionEn")]
    public void Each_problem_names_its_field_and_is_worded_in_both_languages(string field)
    {
        var input = field switch
        {
            "titleZh" => Valid() with { TitleZh = " " },
            "titleEn" => Valid() with { TitleEn = new string('T', EditionRules.MaxTitleEn + 1) },
            "year" => Valid() with { Year = 1800 },
            "descriptionZh" => Valid() with { DescriptionZh = new string('文', EditionRules.MaxDescription + 1) },
            _ => Valid() with { DescriptionEn = new string('d', EditionRules.MaxDescription + 1) },
        };

        var problem = Assert.Single(EditionRules.Problems(input));

        Assert.Equal(field, problem.Field);
        Assert.Null(WordedInBoth.Problem(Text, problem.Description));
    }

    [Fact]
    public void Each_limit_is_accepted_at_it_and_refused_one_past_it()
    {
        Assert.Empty(EditionRules.Problems(new EditionInput(new string('题', EditionRules.MaxTitleZh), new string('T', EditionRules.MaxTitleEn), EditionRules.LastYear,
            new string('文', EditionRules.MaxDescription), new string('d', EditionRules.MaxDescription))));
        Assert.Empty(EditionRules.Problems(Valid() with { Year = EditionRules.FirstYear }));
        Assert.Equal(["titleZh", "year"], EditionRules.Problems(Valid() with { TitleZh = new string('题', EditionRules.MaxTitleZh + 1), Year = EditionRules.LastYear + 1 }).Select(p => p.Field));
    }

    [Fact]
    public void The_year_range_and_the_limits_are_told_with_years_without_separators()
    {
        var year = Assert.Single(EditionRules.Problems(Valid() with { Year = null })).Description;
        var description = Assert.Single(EditionRules.Problems(Valid() with { DescriptionEn = new string('d', EditionRules.MaxDescription + 1) })).Description;

        Assert.Equal("年度应在 2000 年至 2100 年之间。", In(UiCultures.Chinese, year));
        Assert.Equal("The year is between 2000 and 2100.", In(UiCultures.English, year));
        Assert.Equal("A description has at most 4,000 characters.", In(UiCultures.English, description));
    }

    [Fact]
    public void A_draft_may_change_and_a_published_edition_refuses_with_a_conflict_naming_it_in_both_languages()
    {
        var edition = new EditionRecord { Id = Guid.Parse("0193a000-0000-7000-8000-000000000001"), TitleZh = "不可更改的推荐目录", Year = 2026 };
        EditionRules.RequireDraft(edition);

        edition.PublishedOn = new DateOnly(2026, 12, 1);
        var refused = Assert.Throws<DomainRuleException>(() => EditionRules.RequireDraft(edition));

        Assert.Equal((409, "edition"), (refused.Status, refused.Field));
        Assert.Null(WordedInBoth.Problem(Text, refused.Description));
        Assert.Equal("推荐目录“不可更改的推荐目录”（2026年，0193a000-0000-7000-8000-000000000001）已于 2026-12-01 发布，不能再修改。", In(UiCultures.Chinese, refused.Description));
        Assert.Contains("“不可更改的推荐目录” (2026, 0193a000-0000-7000-8000-000000000001) was published on 2026-12-01", In(UiCultures.English, refused.Description), StringComparison.Ordinal);
    }
}
