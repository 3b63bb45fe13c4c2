using System.Text;
using Funeng.Scenarios.Challenges;

namespace Funeng.Scenarios.Tests.Challenges;

public sealed class AttachmentRulesTests
{
    private const long Limit = 1000;

    [Fact]
    public void A_pdf_that_starts_like_a_pdf_is_accepted() =>
        Assert.Equal("application/pdf", AttachmentRules.Check("plan.pdf", 10, Limit, "%PDF-1.7"u8).ContentType);

    [Fact]
    public void An_executable_renamed_to_pdf_is_refused() =>
        Assert.Contains("not a .pdf", AttachmentRules.Check("plan.pdf", 10, Limit, "MZ\x90\0"u8).Refusal, StringComparison.Ordinal);

    [Fact]
    public void An_unlisted_type_is_refused_with_the_accepted_list() =>
        Assert.Contains(".docx", AttachmentRules.Check("tool.exe", 10, Limit, "MZ"u8).Refusal, StringComparison.Ordinal);

    [Fact]
    public void A_file_over_the_limit_is_refused_with_both_sizes() =>
        Assert.Contains("1,000", AttachmentRules.Check("notes.txt", Limit + 1, Limit, Encoding.UTF8.GetBytes("hello")).Refusal, StringComparison.Ordinal);

    [Fact]
    public void Text_with_binary_content_is_refused() =>
        Assert.NotNull(AttachmentRules.Check("notes.md", 4, Limit, [0x41, 0x00, 0x42, 0x43]).Refusal);
}
