using System.Globalization;
using System.Text;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Challenges;

namespace Funeng.Scenarios.Tests.Challenges;

public sealed class AttachmentRulesTests
{
    private const long Limit = 1000;
    private static readonly UiText Text = new([new UiStringSource(typeof(ScenariosModule).Assembly)]);

    private static string English(ProblemMessage? refusal) => refusal!.In(Text, CultureInfo.GetCultureInfo(UiCultures.English));

    private static string Chinese(ProblemMessage? refusal) => refusal!.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese));

    [Fact]
    public void A_pdf_that_starts_like_a_pdf_is_accepted() =>
        Assert.Equal("application/pdf", AttachmentRules.Check("plan.pdf", 10, Limit, "%PDF-1.7"u8).ContentType);

    [Fact]
    public void An_executable_renamed_to_pdf_is_refused() =>
        Assert.Contains("not a .pdf", English(AttachmentRules.Check("plan.pdf", 10, Limit, "MZ\x90\0"u8).Refusal), StringComparison.Ordinal);

    [Fact]
    public void An_unlisted_type_is_refused_with_the_accepted_list() =>
        Assert.Contains(".docx", English(AttachmentRules.Check("tool.exe", 10, Limit, "MZ"u8).Refusal), StringComparison.Ordinal);

    [Fact]
    public void A_file_over_the_limit_is_refused_with_both_sizes() =>
        Assert.Contains("1,000", English(AttachmentRules.Check("notes.txt", Limit + 1, Limit, Encoding.UTF8.GetBytes("hello")).Refusal), StringComparison.Ordinal);

    [Fact]
    public void Refusals_are_told_in_Chinese()
    {
        Assert.Equal("plan.pdf：文件内容不是 .pdf 文件。", Chinese(AttachmentRules.Check("plan.pdf", 10, Limit, "MZ\x90\0"u8).Refusal));
        Assert.Equal("notes.txt 有 1,001 字节，上限为 1,000 字节。", Chinese(AttachmentRules.Check("notes.txt", Limit + 1, Limit, Encoding.UTF8.GetBytes("hello")).Refusal));
        Assert.Equal("empty.txt 是空文件。", Chinese(AttachmentRules.Check("empty.txt", 0, Limit, []).Refusal));
        Assert.StartsWith("tool.exe：不接受“.exe”类型的文件，请使用 .pdf", Chinese(AttachmentRules.Check("tool.exe", 10, Limit, "MZ"u8).Refusal), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_binary_content_is_refused() =>
        Assert.NotNull(AttachmentRules.Check("notes.md", 4, Limit, [0x41, 0x00, 0x42, 0x43]).Refusal);
}
