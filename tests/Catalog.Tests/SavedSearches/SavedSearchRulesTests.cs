using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.SavedSearches;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.TestSupport;

namespace Funeng.Catalog.Tests.SavedSearches;

public sealed class SavedSearchRulesTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(CatalogModule).Assembly)]);

    private static List<FieldProblem> Problems(string name = "养老算法", string text = "养老", CatalogFilters? filters = null, int kept = 0) =>
        SavedSearchRules.Problems(name, text, filters ?? CatalogFilters.None, kept);

    private static string In(string culture, ProblemMessage message) => message.In(Text, CultureInfo.GetCultureInfo(culture));

    [Fact]
    public void A_search_within_every_limit_can_be_saved() =>
        Assert.Empty(Problems(new string('名', SavedSearchRecord.MaxNameLength), new string('词', SavedSearchRecord.MaxTextLength),
            new CatalogFilters { Types = ["dataset", "organisation"], Sectors = Enumerable.Range(0, SavedSearchRules.MaxFilterValues - 2).Select(i => $"s{i}").ToArray() },
            SavedSearchRecord.MaxPerUser - 1));

    public static TheoryData<string, string> Refusals => new()
    {
        { "name-length", "name" }, { "text-length", "text" }, { "filter-count", "filters" }, { "filter-length", "filters" },
        { "type-unknown", "filters.types" }, { "too-many", "name" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_names_its_field_and_is_worded_in_both_languages(string refusal, string field)
    {
        var problems = refusal switch
        {
            "name-length" => Problems(name: new string('名', SavedSearchRecord.MaxNameLength + 1)),
            "text-length" => Problems(text: new string('词', SavedSearchRecord.MaxTextLength + 1)),
            "filter-count" => Problems(filters: new CatalogFilters { Sectors = Enumerable.Range(0, 1300).Select(i => $"s{i}").ToArray() }),
            "filter-length" => Problems(filters: new CatalogFilters { Licences = [new string('l', SavedSearchRules.MaxFilterValueLength + 1)] }),
            "type-unknown" => Problems(filters: new CatalogFilters { Types = ["spaceship"] }),
            _ => Problems(kept: SavedSearchRecord.MaxPerUser),
        };

        var problem = Assert.Single(problems);

        Assert.Equal((field, "catalog.problem.saved-" + refusal), (problem.Field, problem.Description.Key));
        Assert.Null(WordedInBoth.Problem(Text, problem.Description));
    }

    [Fact]
    public void The_limits_and_the_offending_value_are_told_in_the_readers_language()
    {
        var count = Assert.Single(Problems(filters: new CatalogFilters { Sectors = Enumerable.Range(0, 1300).Select(i => $"s{i}").ToArray() })).Description;
        var length = Assert.Single(Problems(filters: new CatalogFilters { AccessLevels = [new string('a', SavedSearchRules.MaxFilterValueLength + 1)] })).Description;
        var type = Assert.Single(Problems(filters: new CatalogFilters { Types = ["spaceship"] })).Description;

        Assert.Equal("A saved search has at most 50 filter values; this one has 1300.", In(UiCultures.English, count));
        Assert.Equal("一个保存的搜索最多含 50 个筛选值，此搜索有 1300 个。", In(UiCultures.Chinese, count));
        Assert.Equal("A filter value has at most 100 characters (in Access level).", In(UiCultures.English, length));
        Assert.Equal("筛选值不能超过 100 个字符（见“开放级别”）。", In(UiCultures.Chinese, length));
        Assert.Contains("spaceship", In(UiCultures.Chinese, type), StringComparison.Ordinal);
    }
}
