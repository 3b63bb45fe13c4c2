using System.Globalization;
using System.Xml;
using Funeng.Kernel.Web;
using MiniExcelLibs;

namespace Funeng.Kernel.DataFiles;

/// <summary>A CSV or .xlsx file read as a header row and data rows; <see cref="Row.Number"/> is the row in the file (header = 1).</summary>
public sealed record TabularFile(IReadOnlyList<string> Headers, IReadOnlyList<TabularFile.Row> Rows)
{
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells)
    {
        public string this[string column] => Cells.GetValueOrDefault(column)?.Trim() ?? "";
    }

    public bool Has(params string[] columns) => columns.All(Headers.Contains);

    /// <summary>What the reader did that the importer should be told (e.g. a GBK file converted to UTF-8), told in the reader's language when shown.</summary>
    public IReadOnlyList<ProblemMessage> Notes { get; init; } = [];

    /// <summary>
    /// Reads a whole upload: a CSV in UTF-8 (GBK is converted, saying so) or an .xlsx, each checked first by
    /// <see cref="UploadedFiles"/> (size, encoding, zip bombs, unclosed quotes, duplicate headers). A file-level
    /// problem is an <see cref="InvalidInputException"/> of <see cref="DataFileError"/>s (a 400), naming the limit,
    /// line or column; each importer turns them into its own carrier (Catalog's <c>file</c> list, Index's rows).
    /// </summary>
    public static async Task<TabularFile> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX"))
        {
            throw UploadedFiles.Refused(name, 0, "file", "upload.extension", extension);
        }

        var bytes = await UploadedFiles.ReadAsync(stream, name, cancellationToken);
        if (extension == ".CSV")
        {
            var text = UploadedFiles.DecodeText(bytes, name, out var note);
            return ReadCsv(text, name) with { Notes = note is null ? [] : [note] };
        }

        UploadedFiles.CheckXlsx(bytes, name);
        return ReadExcel(bytes, name);
    }

    /// <summary>Reads a local file synchronously (benchmarks, tests); uploads go through <see cref="ReadAsync"/>.</summary>
    public static TabularFile Read(Stream stream, string fileName) => ReadAsync(stream, fileName, CancellationToken.None).GetAwaiter().GetResult();

    private static TabularFile ReadExcel(byte[] bytes, string name)
    {
        // Read without MiniExcel's header handling, which fails on a column named twice: the first row is ours to check.
        var rows = new List<Row>();
        var headers = new List<string>();
        var columns = new List<string>();
        var number = 0;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                if (number == 1)
                {
                    columns.AddRange(cells.Where(c => Cell(c.Value).Trim().Length > 0).Select(c => c.Key));
                    headers.AddRange(columns.Select(c => Cell(cells[c]).Trim()));
                    UploadedFiles.CheckHeaders(headers, name, StringComparer.Ordinal);
                    continue;
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = Cell(cells.TryGetValue(columns[i], out var v) ? v : null);
                    if (value.Length > UploadedFiles.MaxCellLength)
                    {
                        throw UploadedFiles.Refused(name, number, headers[i], "upload.cell-too-long", UploadedFiles.MaxCellLength);
                    }

                    values[headers[i]] = value;
                }

                if (values.Values.Any(v => v.Length > 0))
                {
                    rows.Add(new Row(number, values));
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or XmlException or KeyNotFoundException)
        {
            throw UploadedFiles.Refused(name, number, "file", "upload.xlsx-unreadable");
        }

        return new TabularFile(headers, rows);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("s", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>RFC 4180 CSV (<see cref="UploadedFiles.ParseCsv"/>); rows carry the line they start on.</summary>
    private static TabularFile ReadCsv(string text, string name)
    {
        var records = UploadedFiles.ParseCsv(text, name);
        if (records.Count == 0)
        {
            return new TabularFile([], []);
        }

        var headers = records[0].Fields.Select(h => h.Trim()).ToList();
        UploadedFiles.CheckHeaders(headers, name, StringComparer.Ordinal);
        var rows = new List<Row>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(f => f.Length == 0))
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = i < fields.Count ? fields[i] : "";
            }

            rows.Add(new Row(line, cells));
        }

        return new TabularFile(headers, rows);
    }
}
