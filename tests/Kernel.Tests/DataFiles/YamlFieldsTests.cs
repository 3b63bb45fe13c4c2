using System.Globalization;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Tests.DataFiles;

public sealed class YamlFieldsTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly)]);

    private static (YamlFields? Fields, List<DataFileError> Errors) Parse(string yaml)
    {
        var errors = new List<DataFileError>();
        return (YamlFields.Parse("f.yaml", yaml, errors), errors);
    }

    [Fact]
    public void Reads_typed_values()
    {
        var (fields, errors) = Parse("name: x\ncount: 1_000\nvalue: 300_000_000_000\nissued: 2024-06-06\nflag: true\ntext:\n  zh: 中\n  en: en\n");
        Assert.Equal("x", fields!.Value("name"));
        Assert.Equal(1000, fields.WholeNumber("count"));
        Assert.Equal(300_000_000_000m, fields.Number("value"));
        Assert.Equal(new DateOnly(2024, 6, 6), fields.Date("issued"));
        Assert.True(fields.Flag("flag"));
        Assert.Equal("中", fields.Text("text")!.Zh);
        fields.RejectUnknown();
        Assert.Empty(errors);
    }

    [Fact]
    public void Names_line_and_field_of_a_bad_value()
    {
        var (fields, errors) = Parse("name: x\nissued: 6 June 2024\n");
        Assert.Null(fields!.Date("issued"));
        var error = Assert.Single(errors);
        Assert.Equal(("f.yaml", 2, "issued"), (error.File, error.Line, error.Field));
        Assert.Equal("'6 June 2024' is not a date written YYYY-MM-DD", English(error));
        Assert.Equal("“6 June 2024”不是按 YYYY-MM-DD 书写的日期", error.Description.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese)));
    }

    [Fact]
    public void Refuses_unknown_fields_with_their_line()
    {
        var (fields, errors) = Parse("name: x\nnmae: y\n");
        fields!.Value("name");
        fields.RejectUnknown();
        var error = Assert.Single(errors);
        Assert.Equal((2, "nmae", "unknown field"), (error.Line, error.Field, English(error)));
    }

    [Fact]
    public void Paths_of_list_items_include_their_index()
    {
        var (fields, errors) = Parse("items:\n  - a: 1\n  - a: oops\n");
        foreach (var item in fields!.List("items"))
        {
            item.WholeNumber("a");
        }

        var error = Assert.Single(errors);
        Assert.Equal(("items[1].a", 3), (error.Field, error.Line));
    }

    [Fact]
    public void Reports_missing_required_fields_and_missing_languages()
    {
        var (fields, errors) = Parse("title:\n  zh: 标题\n");
        fields!.Value("id");
        fields.Text("title");
        Assert.Equal(["id", "title.en"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Reports_syntax_errors_with_their_line()
    {
        var (fields, errors) = Parse("a: 1\nb: [unclosed\nc: 2\n");
        Assert.Null(fields);
        Assert.Equal("(syntax)", Assert.Single(errors).Field);
    }

    private static string English(DataFileError error) => error.Description.In(Text, CultureInfo.GetCultureInfo(UiCultures.English));
}
