using System.Globalization;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Web;

namespace Funeng.Index.Observations;

/// <summary>
/// Reads an observations file (CSV or Excel .xlsx) with the header
/// <c>indicator, scope, year, value, source[, status][, note]</c>, through Kernel's <see cref="TabularFile"/> (size,
/// encoding, xlsx bombs, unclosed quotes and duplicate headers are checked there, before the table is read). Every
/// problem is named by its row (the header is row 1; a CSV row is the line it starts on) and column; rows are only
/// returned when there is none.
/// </summary>
internal static class ObservationFile
{
    public static readonly string[] RequiredColumns = ["indicator", "scope", "year", "value", "source"];

    public static readonly string[] OptionalColumns = ["status", "note"];

    /// <summary>The rows of a file, and what the reader did that the importer should be told (a GBK file converted).</summary>
    public sealed record Contents(IReadOnlyList<(int Row, NewObservation Observation)> Rows, IReadOnlyList<ProblemMessage> Notes);

    public static async Task<Contents> ReadAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        TabularFile file;
        try
        {
            file = await TabularFile.ReadAsync(content, fileName, cancellationToken);

            // Columns are matched without regard to case here, so "Year" and "year" name one column twice.
            UploadedFiles.CheckHeaders(file.Headers, Path.GetFileName(fileName), StringComparer.OrdinalIgnoreCase);
        }
        catch (InvalidInputException e) when (DataFileError.Among(e).Count > 0)
        {
            throw new InvalidInputException(DataFileError.Among(e).Select(d => new ObservationError(d.Line > 0 ? d.Line : null, d.Field, d.Description)).ToList());
        }

        var header = file.Headers.Select(h => h.ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (file.Rows.Count == 0 || missing.Count > 0)
        {
            throw new InvalidInputException(missing.Count == 0
                ? [ObservationError.Of(1, "file", "index.problem.no-rows", string.Join(",", RequiredColumns))]
                : missing.Select(c => ObservationError.Of(1, c, "index.problem.column-missing")).ToList());
        }

        var errors = new List<ObservationError>();
        var rows = new List<(int, NewObservation)>();
        foreach (var line in file.Rows)
        {
            var cells = line.Cells.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value, StringComparer.Ordinal);
            var row = line.Number;
            var year = ParseYear(cells["year"], row, errors);
            var value = ParseValue(cells["value"], row, errors);
            var publish = ParseStatus(cells.GetValueOrDefault("status"), row, errors);
            rows.Add((row, new NewObservation(cells["indicator"].Trim(), Scope(cells["scope"]), year, value, cells["source"], publish, cells.GetValueOrDefault("note"))));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new Contents(rows, file.Notes);
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

    private static int ParseYear(string text, int row, List<ObservationError> errors)
    {
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var year))
        {
            return year;
        }

        errors.Add(ObservationError.Of(row, "year", "index.problem.not-a-year", text));
        return 0;
    }

    private static decimal ParseValue(string text, int row, List<ObservationError> errors)
    {
        if (decimal.TryParse(text.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(ObservationError.Of(row, "value", "index.problem.not-a-number", text));
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
                errors.Add(ObservationError.Of(row, "status", "index.problem.status", text));
                return true;
        }
    }
}
