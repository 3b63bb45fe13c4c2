using System.Globalization;
using Funeng.Kernel.Geography;
using MiniExcelLibs;

namespace Funeng.Index.Observations;

/// <summary>
/// Reads an observations file (CSV or Excel .xlsx) with the header
/// <c>indicator, scope, year, value, source[, status][, note]</c>. Every problem is named by its row (the header is
/// row 1) and column; rows are only returned when there is none.
/// </summary>
internal static class ObservationFile
{
    public static readonly string[] RequiredColumns = ["indicator", "scope", "year", "value", "source"];

    public static readonly string[] OptionalColumns = ["status", "note"];

    public static IReadOnlyList<(int Row, NewObservation Observation)> Read(Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        var type = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ExcelType.XLSX
            : fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ExcelType.CSV
            : throw new Funeng.Kernel.Web.InvalidInputException([new ObservationError(null, "file", $"'{fileName}' is neither a .csv nor an .xlsx file")]);

        List<IDictionary<string, object?>> table;
        try
        {
            table = content.Query(useHeaderRow: true, excelType: type).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            throw new Funeng.Kernel.Web.InvalidInputException([new ObservationError(1, "file", $"cannot be read as {type}: {e.Message}")]);
        }

        var header = table.FirstOrDefault()?.Keys.Select(k => k.Trim().ToLowerInvariant()).ToList() ?? [];
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (table.Count == 0 || missing.Count > 0)
        {
            throw new Funeng.Kernel.Web.InvalidInputException(table.Count == 0
                ? [new ObservationError(1, "file", "has no data rows under a header " + string.Join(",", RequiredColumns))]
                : missing.Select(c => new ObservationError(1, c, "this column is missing from the header")).ToList());
        }

        var errors = new List<ObservationError>();
        var rows = new List<(int, NewObservation)>();
        for (var i = 0; i < table.Count; i++)
        {
            var cells = table[i].ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => Text(kv.Value));
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = i + 2;
            var year = ParseYear(cells["year"], row, errors);
            var value = ParseValue(cells["value"], row, errors);
            var publish = ParseStatus(cells.GetValueOrDefault("status"), row, errors);
            rows.Add((row, new NewObservation(cells["indicator"].Trim(), Scope(cells["scope"]), year, value, cells["source"], publish, cells.GetValueOrDefault("note"))));
        }

        if (errors.Count > 0)
        {
            throw new Funeng.Kernel.Web.InvalidInputException(errors);
        }

        return rows;
    }

    /// <summary>Accepts <c>city:foshan</c>, <c>foshan</c>, <c>佛山</c>, <c>佛山市</c>, <c>province</c> or <c>广东省</c>.</summary>
    public static string Scope(string text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed is "广东省" or "广东" or "全省")
        {
            return GuangdongCities.ProvinceScope;
        }

        var bare = trimmed.TrimEnd('市');
        var city = GuangdongCities.All.FirstOrDefault(c => c.Slug.Equals(bare, StringComparison.OrdinalIgnoreCase) || c.Name.Zh == bare);
        return city is null ? trimmed : GuangdongCities.CityScopePrefix + city.Slug;
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static int ParseYear(string text, int row, List<ObservationError> errors)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }

        errors.Add(new ObservationError(row, "year", $"'{text}' is not a year such as 2025"));
        return 0;
    }

    private static decimal ParseValue(string text, int row, List<ObservationError> errors)
    {
        if (decimal.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new ObservationError(row, "value", $"'{text}' is not a number"));
        return 0;
    }

    private static bool ParseStatus(string? text, int row, List<ObservationError> errors)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "" or "published":
                return true;
            case "draft":
                return false;
            default:
                errors.Add(new ObservationError(row, "status", $"'{text}' is not 'published' or 'draft'"));
                return true;
        }
    }
}
