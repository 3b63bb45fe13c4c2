using System.IO.Compression;
using System.Text;

namespace Funeng.Kernel.DataFiles;

/// <summary>
/// Checks every importer of uploaded tables runs before it reads one (Catalog imports, Index observations):
/// a size limit, text that is UTF-8 (or GBK, converted and said so), an .xlsx that is a zip archive unpacking to a
/// bounded size (counted while unpacking, never trusted from the archive's headers), headers named once, and
/// CSV whose quotes close. Each refusal is a <see cref="Web.InvalidInputException"/> naming the limit, line or
/// column; importers turn it into their own error carrier.
/// </summary>
public static class UploadedFiles
{
    /// <summary>The largest file an import accepts.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>What the parts of an .xlsx may unpack to, together (a 205 KB "bomb" once took the server to 3.1 GB).</summary>
    public const long MaxXlsxUnpackedBytes = 100L * 1024 * 1024;

    /// <summary>A cell longer than this is refused (a listing's longest text field is far shorter).</summary>
    public const int MaxCellLength = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the whole upload, refusing it (without reading further) once it passes <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            throw TooLarge(file);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw TooLarge(file);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The text of a CSV upload. UTF-8 (with or without BOM) is taken as is; text that is not UTF-8 but is valid
    /// GBK/GB18030 holding Chinese is converted, and <paramref name="note"/> says so in the reader's language when
    /// shown; anything else is refused.
    /// </summary>
    public static string DecodeText(byte[] bytes, string file, out Web.ProblemMessage? note)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        note = null;
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            if (TryGbk(bytes) is { } text)
            {
                note = Web.ProblemMessage.Of("upload.gbk-converted", file);
                return text;
            }

            var line = 1 + bytes.AsSpan(0, Math.Clamp(e.Index + start, 0, bytes.Length)).Count((byte)'\n');
            throw Refused(file, line, "file", "upload.not-utf8");
        }
    }

    /// <summary>Refuses an .xlsx that is not a zip archive or that unpacks to more than <see cref="MaxXlsxUnpackedBytes"/>.</summary>
    public static void CheckXlsx(byte[] bytes, string file)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            var chunk = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(chunk, 0, chunk.Length)) > 0)
                {
                    total += read;
                    if (total > MaxXlsxUnpackedBytes)
                    {
                        throw Refused(file, 0, "file", "upload.xlsx-unpacked", MaxXlsxUnpackedBytes / (1024 * 1024));
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            throw Refused(file, 0, "file", "upload.not-xlsx");
        }
    }

    /// <summary>Refuses a header that names a column twice, compared after trimming (and with <paramref name="comparer"/>).</summary>
    public static void CheckHeaders(IEnumerable<string> headers, string file, StringComparer comparer)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var twice = headers.Select(h => h.Trim()).Where(h => h.Length > 0).GroupBy(h => h, comparer).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new Web.InvalidInputException(twice.Select(h => new DataFileError(file, 1, h, Web.ProblemMessage.Of("upload.header-twice", file, h))).ToList<Web.FieldProblem>());
        }
    }

    /// <summary>
    /// RFC 4180 CSV records with the line each starts on (1-based): quoted fields may hold commas, quotes ("") and
    /// line breaks. A quote left open, or a cell longer than <see cref="MaxCellLength"/>, is refused naming its line.
    /// </summary>
    public static List<(int Line, List<string> Fields)> ParseCsv(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (field.Length > MaxCellLength)
            {
                throw Refused(file, recordLine, "file", "upload.cell-too-long", MaxCellLength);
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    quoteLine = line;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw Refused(file, quoteLine, "file", "upload.quote-unclosed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }

    private static string? TryGbk(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            var text = gbk.GetString(bytes);

            // Latin-1 or binary that happens to decode is not Chinese text: take it only when it holds CJK characters.
            return text.Any(c => c is >= '\u4e00' and <= '\u9fff') ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The refusal of a file over <see cref="MaxBytes"/>; also for callers that know the length before reading (a request's Content-Length).</summary>
    public static Web.InvalidInputException TooLarge(string file) =>
        Refused(file, 0, "file", "upload.too-large", MaxBytes / (1024 * 1024));

    /// <summary>A refusal in the reader's language (<paramref name="key"/>, whose {0} is the file and {1}… the arguments).</summary>
    internal static Web.InvalidInputException Refused(string file, int line, string field, string key, params object?[] arguments) =>
        new(new[] { new DataFileError(file, line, field, Web.ProblemMessage.Of(key, [file, .. arguments])) });
}
