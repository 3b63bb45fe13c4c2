using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Funeng.Catalog.Import;

/// <summary>A CSV or .xlsx file read as a header row and data rows; <see cref="Row.Number"/> is the row in the file (header = 1).</summary>
internal sealed record TabularFile(IReadOnlyList<string> Headers, IReadOnlyList<TabularFile.Row> Rows)
{
    public sealed record Row(int Number, IReadOnlyDictionary<string, string> Cells)
    {
        public string this[string column] => Cells.GetValueOrDefault(column)?.Trim() ?? "";
    }

    public bool Has(params string[] columns) => columns.All(Headers.Contains);

    public static TabularFile Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".CSV" => ReadCsv(stream),
            ".XLSX" => ReadExcel(stream),
            var other => throw new Funeng.Kernel.Web.InvalidInputException(new Dictionary<string, string[]> { ["file"] = [$"'{other}' files cannot be imported; use .csv (UTF-8) or .xlsx."] }),
        };
    }

    private static TabularFile ReadExcel(Stream stream)
    {
        var rows = new List<Row>();
        var headers = new List<string>();
        var number = 1;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            number++;
            if (headers.Count == 0)
            {
                headers.AddRange(cells.Keys.Select(k => k.Trim()));
            }

            var values = cells.ToDictionary(c => c.Key.Trim(), c => Cell(c.Value), StringComparer.Ordinal);
            if (values.Values.Any(v => v.Length > 0))
            {
                rows.Add(new Row(number, values));
            }
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

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. A BOM is skipped.</summary>
    private static TabularFile ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = ParseCsv(reader.ReadToEnd());
        if (records.Count == 0)
        {
            return new TabularFile([], []);
        }

        var headers = records[0].Fields.Select(h => h.Trim()).ToList();
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

    /// <summary>Records with the line they start on (1-based), so errors name the row a spreadsheet shows.</summary>
    internal static List<(int Line, List<string> Fields)> ParseCsv(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
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

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }
}
