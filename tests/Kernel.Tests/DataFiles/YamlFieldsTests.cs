using System.Globalization;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

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

    /// <summary>
    /// Each YAML mistake a person commonly makes, as YamlDotNet reports it (exception type, or its message where
    /// only that tells), becomes one of our keys at the parser's line and column.
    /// </summary>
    [Theory]
    [InlineData("a: \"abc\nb: 2\n", 1, 4, "unclosed-quote")]
    [InlineData("a: 'abc\nb: 2\n", 1, 4, "unclosed-quote")]
    [InlineData("a: 1\n  b: 2\n", 2, 4, "mapping-not-allowed")]
    [InlineData("title: a: b\n", 1, 9, "mapping-not-allowed")]
    [InlineData("a:\n\tb: 1\n", 2, 1, "tab")]
    [InlineData("a:\n  b: 1\n\tc: 2\n", 3, 1, "tab")]
    [InlineData("a:\n  b: |\n    x\n  \ty\n", 4, 3, "tab")]
    [InlineData("a:\n    b: 1\n  c: 2\n", 3, 3, "expected-field")]
    [InlineData("a: 1\nb\nc: 2\n", 2, 1, "expected-field")]
    [InlineData("a:\n  - x\n  b: 1\n", 3, 3, "expected-list-item")]
    [InlineData("  a: 1\nb: 2\n", 2, 1, "indentation")]
    [InlineData("a: [1, 2\n", 2, 1, "unclosed-flow-sequence")]
    [InlineData("a: {x: 1\n", 2, 1, "unclosed-flow-mapping")]
    [InlineData("a: 1\nb: [unclosed\nc: 2\n", 3, 1, "unclosed-flow")]
    [InlineData("a: {x: 1\nc: 2\n", 2, 1, "unclosed-flow")]
    [InlineData("a: \"C:\\data\"\n", 1, 4, "unknown-escape")]
    [InlineData("a: @x\n", 1, 4, "cannot-start")]
    [InlineData("a: ]\n", 1, 4, "invalid")]
    public void Tells_a_syntax_error_by_line_column_and_our_own_key(string yaml, int line, int column, string kind)
    {
        var (fields, errors) = Parse(yaml);
        Assert.Null(fields);
        var error = Assert.Single(errors);
        Assert.Equal(("f.yaml", line, "(syntax)"), (error.File, error.Line, error.Field));
        Assert.Equal("datafile.syntax", error.Description.Key);
        Assert.Equal([line, column], error.Description.Arguments.Take(2));
        Assert.Equal("datafile.yaml." + kind, Assert.IsType<ProblemMessage>(error.Description.Arguments[2]).Key);

        var (zh, en) = (Text.Get("datafile.yaml." + kind, Zh), Text.Get("datafile.yaml." + kind, En));
        Assert.Equal($"YAML 语法错误（第 {line} 行第 {column} 列）：{zh}", error.Description.In(Text, Zh));
        Assert.Equal($"YAML syntax error at line {line}, column {column}: {en}", error.Description.In(Text, En));
        AssertNoLatinWords(error.Description.In(Text, Zh));
    }

    [Fact]
    public void Names_a_duplicate_field_as_the_file_writes_it()
    {
        var (fields, errors) = Parse("documents:\n  名称: 1\n  \"名称\": 2\n");
        Assert.Null(fields);
        var error = Assert.Single(errors);
        Assert.Equal((3, "(syntax)"), (error.Line, error.Field));
        Assert.Equal("YAML 语法错误（第 3 行第 3 列）：字段“名称”在同一层出现了两次", error.Description.In(Text, Zh));
        Assert.Equal("YAML syntax error at line 3, column 3: the field '名称' appears twice at the same level", error.Description.In(Text, En));
    }

    [Fact]
    public void A_tab_for_indentation_is_told_on_its_own_line_in_Chinese_without_the_parsers_English()
    {
        var (_, errors) = Parse("title:\n  zh: 标题\n\ten: Title\n");
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        var chinese = error.Description.In(Text, Zh);
        Assert.Equal("YAML 语法错误（第 3 行第 1 列）：缩进里有制表符（Tab）：YAML 只能用空格缩进", chinese);
        Assert.DoesNotContain("scanning", chinese, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_undefined_alias_is_told_for_the_file_as_the_parser_loses_its_line()
    {
        var (_, errors) = Parse("a: 1\nb: *missing\n");
        var error = Assert.Single(errors);
        Assert.Equal((0, "(syntax)"), (error.Line, error.Field));
        Assert.Equal("YAML 语法错误：文件中有引用（*名称）指向未定义的锚点（&名称）", error.Description.In(Text, Zh));
        Assert.Equal("YAML syntax error: an alias (*name) in the file refers to an anchor (&name) that is not defined", error.Description.In(Text, En));
    }

    /// <summary>The zh-CN message is Chinese throughout: no Latin-letter sentence (two words in a row, as the parser writes) reaches it.</summary>
    private static void AssertNoLatinWords(string chinese) =>
        Assert.DoesNotMatch(@"[A-Za-z]+[\s,.'-]+[A-Za-z]+", chinese);

    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo(UiCultures.Chinese);

    private static readonly CultureInfo En = CultureInfo.GetCultureInfo(UiCultures.English);

    private static string English(DataFileError error) => error.Description.In(Text, En);
}
