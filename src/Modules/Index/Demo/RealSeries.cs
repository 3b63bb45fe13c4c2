using System.Globalization;
using Funeng.Index.Observations;
using Funeng.Kernel.Geography;

namespace Funeng.Index.Demo;

/// <summary>The real per-city series embedded under Demo/Data (see PROVENANCE.md there), as observations.</summary>
internal static class RealSeries
{
    // Source keys: the pages show them in the reader's language.
    public const string AlgorithmSource = "index.source.cac-algorithms";
    public const string AlgorithmByYearSource = "index.source.cac-algorithms-by-year";
    public const string GenAiSource = "index.source.cac-genai";

    public static IReadOnlyList<NewObservation> All() => [.. CityCounts(), .. AlgorithmsByYear(), .. GenAiByYear()];

    /// <summary>guangdong_city_filing_counts.csv: totals over every batch, as of the 2026-05 list.</summary>
    public static IEnumerable<NewObservation> CityCounts() => Rows("guangdong_city_filing_counts.csv").SelectMany(r => new[]
    {
        new NewObservation("algorithm_filings", Scope(r[0]), 2026, Number(r[1]), AlgorithmSource),
        new NewObservation("filing_entities", Scope(r[0]), 2026, Number(r[4]), AlgorithmSource),
    });

    public static IEnumerable<NewObservation> AlgorithmsByYear() => Rows("algorithm_filings_by_city_year.csv").SelectMany(r => new[]
    {
        new NewObservation("algorithm_filings", Scope(r[0]), (int)Number(r[1]), Number(r[2]), AlgorithmByYearSource),
        new NewObservation("filing_entities", Scope(r[0]), (int)Number(r[1]), Number(r[3]), AlgorithmByYearSource),
    });

    public static IEnumerable<NewObservation> GenAiByYear() => Rows("genai_filings_by_city_year.csv")
        .Select(r => new NewObservation("genai_filings", Scope(r[0]), (int)Number(r[1]), Number(r[2]), GenAiSource));

    /// <summary>A Chinese city name of the files (广州) as a scope (city:guangzhou); an unknown name is a broken file.</summary>
    public static string Scope(string chineseName)
    {
        var city = GuangdongCities.All.SingleOrDefault(c => c.Name.Zh == chineseName.Trim().TrimEnd('市'))
            ?? throw new InvalidDataException($"'{chineseName}' is not one of Guangdong's 21 cities.");
        return GuangdongCities.CityScopePrefix + city.Slug;
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static List<string[]> Rows(string file)
    {
        using var stream = typeof(RealSeries).Assembly.GetManifestResourceStream($"Funeng.Index.Demo.Data.{file}")
            ?? throw new InvalidOperationException($"{file} is not embedded.");
        using var reader = new StreamReader(stream);
        // These files have no quoted fields (checked by a test), so a plain split reads them.
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Skip(1).Select(l => l.Split(',')).ToList();
    }
}
