using System.Globalization;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Tests.Localization;

/// <summary>How a UI string's placeholders are filled: .NET's formats, and a count's noun in the form for its number.</summary>
public sealed class UiTemplateTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(1, "1 entry verified")]
    [InlineData(0, "0 entries verified")]
    [InlineData(2, "2 entries verified")]
    [InlineData(1000, "1,000 entries verified")]
    public void A_count_names_its_noun_in_the_form_for_its_number(int count, string expected) =>
        Assert.Equal(expected, UiTemplate.Fill(English, "{0:N0} {0:entry|entries} verified", count));

    [Fact]
    public void Every_kind_of_number_counts_and_a_count_stored_as_text_too()
    {
        const string template = "{0} {0:organisation|organisations}";
        Assert.Equal("1 organisation", UiTemplate.Fill(English, template, 1L));
        Assert.Equal("1 organisation", UiTemplate.Fill(English, template, 1m));
        Assert.Equal("1.5 organisations", UiTemplate.Fill(English, template, 1.5m));
        Assert.Equal("1 organisation", UiTemplate.Fill(English, template, "1"));
        // A fraction written makes it many, as English says "1.00 device-hours".
        Assert.Equal("1.00 organisations", UiTemplate.Fill(English, template, 1.00m));
        Assert.Equal("1.00 organisations", UiTemplate.Fill(English, template, "1.00"));
        // What is no number never shows the forms themselves.
        Assert.Equal(" organisations", UiTemplate.Fill(English, template, (object?)null));
    }

    [Fact]
    public void Other_formats_and_several_counts_in_one_string_are_filled_as_before()
    {
        var text = UiTemplate.Fill(English, "{0:yyyy-MM-dd}: {1} {1:row|rows}, {2} {2:organisation|organisations} added, {3:0.00} yuan",
            new DateTime(2026, 12, 7), 3, 1, 12.5m);
        Assert.Equal("2026-12-07: 3 rows, 1 organisation added, 12.50 yuan", text);
        Assert.Equal("共 1 条结果", UiTemplate.Fill(CultureInfo.GetCultureInfo("zh-CN"), "共 {0} 条结果", 1));
        Assert.False(UiTemplate.IsCountForm("N0"));
        Assert.False(UiTemplate.IsCountForm("entry|"));
    }
}
