using Funeng.Kernel.Web;

namespace Funeng.Scenarios.Challenges;

/// <summary>
/// Which files a team may attach: a short list of document and image types, checked by extension AND by the
/// file's first bytes, so a renamed executable is refused.
/// </summary>
internal static class AttachmentRules
{
    public const int MaxFiles = 5;

    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, (string ContentType, byte[]? Magic)> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip),
        [".zip"] = ("application/zip", Zip),
        [".txt"] = ("text/plain", null),
        [".md"] = ("text/markdown", null),
    };

    public static string AllowedList => string.Join(", ", Types.Keys);

    /// <summary>The content type to store, or the reason the file is refused (a strings.json message).</summary>
    public static (string? ContentType, ProblemMessage? Refusal) Check(string fileName, long size, long maxBytes, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!Types.TryGetValue(extension, out var type))
        {
            return (null, ProblemMessage.Of("scenarios.problem.attachment-type", fileName, extension, AllowedList));
        }

        if (size <= 0)
        {
            return (null, ProblemMessage.Of("scenarios.problem.attachment-empty", fileName));
        }

        if (size > maxBytes)
        {
            return (null, ProblemMessage.Of("scenarios.problem.attachment-too-large", fileName, size, maxBytes));
        }

        var matches = type.Magic is null ? !head.Contains((byte)0) : head.StartsWith(type.Magic);
        return matches ? (type.ContentType, null) : (null, ProblemMessage.Of("scenarios.problem.attachment-content", fileName, extension));
    }
}
