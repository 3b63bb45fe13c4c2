using Funeng.Index.Export;
using Funeng.Index.Observations;
using Funeng.Index.Scoring;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Index.Contracts;

/// <summary>What the command line does with the index: import observations, export the workbook, show a ranking.</summary>
public sealed class IndexCommands
{
    private readonly ImportObservations _importer;
    private readonly ExportWorkbook _export;
    private readonly CalculateIndex _calculator;
    private readonly UiText _text;

    internal IndexCommands(ImportObservations importer, ExportWorkbook export, CalculateIndex calculator, UiText text)
    {
        _text = text;
        _importer = importer;
        _export = export;
        _calculator = calculator;
    }

    /// <summary>The outcome of an import: rows written, or the problems (by row and column) and nothing written.</summary>
    public sealed record ImportResult(int Imported, IReadOnlyList<string> Problems)
    {
        /// <summary>What the reader did that the importer should know (a GBK file converted to UTF-8), in the import's culture.</summary>
        public IReadOnlyList<string> Notes { get; init; } = [];
    }

    /// <summary>One city's place in a year's index.</summary>
    public sealed record CityRank(string City, LocalizedText Name, double? Score, int Rank, int RankLow, int RankHigh);

    /// <summary>Imports a .csv or .xlsx file of observations, all rows or none; problems and notes are told in <paramref name="culture"/>.</summary>
    public async Task<ImportResult> ImportAsync(string path, System.Globalization.CultureInfo culture, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            var import = await _importer.ImportAsync(stream, Path.GetFileName(path), cancellationToken);
            return new ImportResult(import.Imported, []) { Notes = import.Notes.Select(note => note.In(_text, culture)).ToList() };
        }
        catch (InvalidInputException e)
        {
            return new ImportResult(0, ObservationError.Among(e).Select(error => error.In(_text, culture)).ToList());
        }
    }

    /// <summary>
    /// Writes the workbook of indicators, observations and the year's index to <paramref name="path"/>, its sheet
    /// names and headers in <paramref name="culture"/>.
    /// </summary>
    public async Task ExportAsync(int year, string path, System.Globalization.CultureInfo culture, CancellationToken cancellationToken = default) =>
        await File.WriteAllBytesAsync(path, await _export.BuildAsync(year, culture, cancellationToken), cancellationToken);

    /// <summary>Recomputes the year's index with <paramref name="draws"/> sensitivity draws.</summary>
    public async Task<IReadOnlyList<CityRank>> RankingAsync(int year, int draws, CancellationToken cancellationToken = default)
    {
        var index = await _calculator.CalculateAsync(year, IndexMethod.Default, new SensitivityOptions(draws, CalculateIndex.DefaultSeed), cancellationToken);
        return IndexResponse.From(index).Cities.Select(c => new CityRank(c.City, c.Name, c.Score, c.Rank, c.RankInterval.Low, c.RankInterval.High)).ToList();
    }
}
