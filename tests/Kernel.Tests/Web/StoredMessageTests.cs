using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Kernel.Tests.Web;

/// <summary>A message stored as key and arguments is worded when read, in each reader's language; any other stored text is shown as written.</summary>
public sealed class StoredMessageTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(FunengKernel).Assembly)]);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(UiCultures.Chinese);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo(UiCultures.English);

    [Fact]
    public void A_keyed_message_keeps_its_arguments_and_reads_in_each_language()
    {
        var stored = StoredMessage.Write(ProblemMessage.Of("problem.query.too-long", 3000, 2048));
        Assert.Equal("{\"key\":\"problem.query.too-long\",\"args\":[3000,2048]}", stored);

        var read = StoredMessage.Read(stored, StoredMessage.RecordedInEnglish);
        Assert.Equal("查询字符串有 3000 个字符，最多接受 2048 个。", read.In(Text, Chinese));
        Assert.Equal("The query string has 3000 characters; at most 2048 are accepted.", read.In(Text, English));
    }

    [Fact]
    public void Chinese_arguments_are_stored_as_themselves_and_nested_labels_and_lists_come_back()
    {
        var stored = StoredMessage.Write(ProblemMessage.Of("upload.header-twice", new LocalizedText("名单.csv", "list.csv"), new object?[] { ProblemMessage.Of("problem.value.required"), "列" }));
        Assert.Contains("名单.csv", stored, StringComparison.Ordinal);

        var read = StoredMessage.Read(stored, StoredMessage.RecordedInEnglish);
        Assert.Equal("名单.csv：表头中“必填。、列”这一列出现了不止一次（比较时忽略首尾空格）。", read.In(Text, Chinese));
        Assert.StartsWith("list.csv: the column “Required., 列”", read.In(Text, English), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_text_comes_back_as_written_without_the_note()
    {
        var stored = StoredMessage.Write(ProblemMessage.Fixed("由专家组认定"));
        Assert.Equal("{\"text\":\"由专家组认定\"}", stored);

        var read = StoredMessage.Read(stored, StoredMessage.RecordedInEnglish);
        Assert.Equal("由专家组认定", read.In(Text, Chinese));
        Assert.Equal("由专家组认定", read.In(Text, English));
    }

    [Theory]
    [InlineData("version 3: 4 documents, 40 measures")]
    [InlineData("{\"title\":\"养老\",\"year\":2026}")]
    [InlineData("{\"key\": not json")]
    [InlineData("{\"key\":\"problem.query.too-long\",\"args\":[3000,")]
    [InlineData("{\"key\":\"problem.query.too-long\",\"args\":3000}")]
    [InlineData("{\"key\":\"\"}")]
    [InlineData("{\"text\":2}")]
    [InlineData("{\"key\":\"upload.header-twice\",\"args\":[{\"zh\":\"名单.csv\"},\"列\"]}")]
    [InlineData("{\"key\":\"problem.query.too-long\",\"args\":[{\"at\":\"yesterday\"}]}")]
    public void Any_other_stored_text_is_shown_as_written_after_a_note_on_Chinese_pages(string old)
    {
        var read = StoredMessage.Read(old, StoredMessage.RecordedInEnglish);
        Assert.Equal(old, read.In(Text, English));
        Assert.Equal("（本条记录于中英双语上线之前，仅有英文原文）" + old, read.In(Text, Chinese));
    }

    [Fact]
    public void A_text_that_only_looks_keyed_goes_to_the_readers_own_fallback()
    {
        var typed = "{\"key\":\"试点\",\"args\":1}";

        var read = StoredMessage.Read(typed, ProblemMessage.Fixed);

        Assert.Equal((null, typed), (read.Key, read.Text));
        Assert.Equal("由专家组认定", StoredMessage.Read(StoredMessage.Write(ProblemMessage.Fixed("由专家组认定")), ProblemMessage.Fixed).In(Text, English));
    }
}
