using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Tests.Listings;

public sealed class ListingFieldsTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(CatalogModule).Assembly)]);

    private static Dictionary<string, string[]> In(string culture, IEnumerable<FieldProblem> problems) =>
        InvalidInputException.Describe(problems, Text, CultureInfo.GetCultureInfo(culture));

    [Fact]
    public void A_dataset_needs_publisher_licence_and_an_access_level_from_the_list()
    {
        var errors = In(UiCultures.English, ListingFields.Validate(ListingType.Dataset, new ListingContent
        {
            TitleZh = "珠江口水质监测数据集",
            Attributes = new Dictionary<string, string> { ["access_level"] = "secret" },
        }));
        Assert.Equal(["attributes.access_level", "attributes.licence", "attributes.publisher"], errors.Keys.Order());
        Assert.Contains("open, conditional, restricted", errors["attributes.access_level"][0]);
    }

    [Fact]
    public void A_terminal_product_is_in_one_of_the_eight_categories()
    {
        var content = new ListingContent { TitleEn = "Rehab exoskeleton", Attributes = new Dictionary<string, string> { ["category"] = "care_rehab" } };
        Assert.Empty(ListingFields.Validate(ListingType.TerminalProduct, content));
        Assert.Equal(8, ListingFields.TerminalCategories.Count);
        Assert.NotEmpty(ListingFields.Validate(ListingType.TerminalProduct, content with { Attributes = new Dictionary<string, string> { ["category"] = "toaster" } }));
    }

    [Fact]
    public void Unknown_fields_cities_and_sectors_are_named()
    {
        var problems = ListingFields.Validate(ListingType.Patent, new ListingContent
        {
            TitleZh = "一种图像识别方法",
            CitySlug = "beijing",
            Sectors = ["space_mining"],
            Attributes = new Dictionary<string, string> { ["patent_number"] = "CN1", ["applicants"] = "华南理工大学", ["colour"] = "red" },
        });
        Assert.Equal(["attributes.colour", "citySlug", "sectors"], problems.Select(p => p.Field).Order());

        var chinese = In(UiCultures.Chinese, problems);
        Assert.Equal("专利没有“colour”这一字段。", chinese["attributes.colour"].Single());
        Assert.Equal("“beijing”不是广东省地市的代码（如 guangzhou、shenzhen）。", chinese["citySlug"].Single());
        Assert.Equal("未知的领域：space_mining。", chinese["sectors"].Single());
    }

    [Fact]
    public void Every_problem_of_a_listing_is_told_in_Chinese()
    {
        var problems = ListingFields.Validate(ListingType.Dataset, new ListingContent
        {
            SummaryZh = new string('长', ListingFields.MaxSummary + 1),
            Keywords = [.. Enumerable.Range(0, ListingFields.MaxKeywords + 1).Select(i => $"k{i}")],
            Attributes = new Dictionary<string, string> { ["access_level"] = "secret", ["themes"] = new string('x', ListingFields.MaxAttributeValue + 1) },
        });

        var chinese = In(UiCultures.Chinese, problems);
        Assert.Equal("请填写中文或英文标题。", chinese["titleZh"].Single());
        Assert.Equal("摘要不能超过 5,000 个字符，此摘要有 5,001 个字符。", chinese["summaryZh"].Single());
        Assert.Equal("必填。", chinese["attributes.publisher"].Single());
        Assert.Equal("“secret”不在可选值之中：open, conditional, restricted。", chinese["attributes.access_level"].Single());
        Assert.Equal("最多 2,000 个字符，此值有 2,001 个字符。", chinese["attributes.themes"].Single());
        Assert.All(chinese.Values.SelectMany(m => m), m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }
}
