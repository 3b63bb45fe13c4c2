using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Listings;

namespace Funeng.Catalog.Tests.Listings;

public sealed class ListingFieldsTests
{
    [Fact]
    public void A_dataset_needs_publisher_licence_and_an_access_level_from_the_list()
    {
        var errors = ListingFields.Validate(ListingType.Dataset, new ListingContent
        {
            TitleZh = "珠江口水质监测数据集",
            Attributes = new Dictionary<string, string> { ["access_level"] = "secret" },
        });
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
        var errors = ListingFields.Validate(ListingType.Patent, new ListingContent
        {
            TitleZh = "一种图像识别方法",
            CitySlug = "beijing",
            Sectors = ["space_mining"],
            Attributes = new Dictionary<string, string> { ["patent_number"] = "CN1", ["applicants"] = "华南理工大学", ["colour"] = "red" },
        });
        Assert.Equal(["attributes.colour", "citySlug", "sectors"], errors.Keys.Order());
    }
}
