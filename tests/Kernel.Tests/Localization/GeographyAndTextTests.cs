using System.Globalization;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Tests.Localization;

public sealed class GeographyAndTextTests
{
    [Fact]
    public void Guangdong_has_21_cities_with_unique_slugs() =>
        Assert.Equal(21, GuangdongCities.All.Select(c => c.Slug).Distinct().Count());

    [Theory]
    [InlineData("province", true)]
    [InlineData("city:guangzhou", true)]
    [InlineData("city:zhongshan", true)]
    [InlineData("city:beijing", false)]
    [InlineData("guangzhou", false)]
    public void Validates_scopes(string scope, bool valid) => Assert.Equal(valid, GuangdongCities.IsValidScope(scope));

    [Fact]
    public void Chinese_is_the_default_and_English_is_chosen_for_any_en_culture()
    {
        var text = new LocalizedText("广州", "Guangzhou");
        Assert.Equal("广州", text.In(new CultureInfo("zh-CN")));
        Assert.Equal("Guangzhou", text.In(new CultureInfo("en-GB")));
        Assert.Equal("广州", text.In(CultureInfo.InvariantCulture));
    }
}
