using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Index.Scoring;
using Funeng.Kernel.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Funeng.Index.Export;

/// <summary>
/// <c>GET /api/v1/index/export.xlsx?year=</c>: one workbook with the indicators, every published observation
/// version (the full history), the year's index with rank intervals, and the trace of every score.
/// </summary>
internal sealed class ExportWorkbook(IndexDb db, CalculateIndex calculator)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> HandleAsync(int? year, ExportWorkbook export, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give a year between 2000 and 2100."] });
        }

        var chosen = year ?? clock.GetUtcNow().Year;
        return TypedResults.File(await export.BuildAsync(chosen, cancellationToken), ContentType, $"funeng-index-{chosen}.xlsx");
    }

    public async Task<byte[]> BuildAsync(int year, CancellationToken cancellationToken)
    {
        var observations = await db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Published).ToListAsync(cancellationToken);
        var index = await calculator.CalculateAsync(year, IndexMethod.Default, new SensitivityOptions(CalculateIndex.DefaultDraws), cancellationToken);
        var response = IndexResponse.From(index);
        var sheets = new Dictionary<string, object>
        {
            ["indicators"] = IndicatorCatalog.All.Select(i => new Dictionary<string, object?>
            {
                ["key"] = i.Key, ["name_zh"] = i.Name.Zh, ["name_en"] = i.Name.En, ["definition_en"] = i.Definition.En, ["unit"] = i.Unit,
                ["polarity"] = i.Polarity.ToString(), ["source_en"] = i.Source.En, ["frequency"] = i.Frequency.ToString(), ["scope"] = i.Scope.ToString(), ["pillar"] = i.Pillar ?? "",
            }).ToList(),
            ["observations"] = observations.OrderBy(o => o.Indicator, StringComparer.Ordinal).ThenBy(o => o.Scope, StringComparer.Ordinal).ThenBy(o => o.Year).ThenBy(o => o.Version)
                .Select(o => new Dictionary<string, object?>
                {
                    ["indicator"] = o.Indicator, ["scope"] = o.Scope, ["year"] = o.Year, ["version"] = o.Version, ["value"] = o.Value, ["source"] = o.Source,
                    ["invented"] = o.Invented ? "invented (demo)" : "", ["channel"] = o.Channel, ["entered_by"] = o.EnteredByName, ["entered_at"] = ChinaTime.ToIso(o.EnteredAt), ["note"] = o.Note ?? "",
                }).ToList(),
            [$"index_{year}"] = response.Cities.Select(c =>
            {
                var row = new Dictionary<string, object?>
                {
                    ["rank"] = c.Rank, ["city"] = c.City, ["name"] = c.Name.Zh, ["score"] = c.Score,
                    ["rank_p5"] = c.RankInterval.Low, ["rank_median"] = c.RankInterval.Median, ["rank_p95"] = c.RankInterval.High,
                };
                foreach (var (pillar, score) in c.Pillars)
                {
                    row[pillar] = score;
                }

                return row;
            }).ToList(),
            ["trace"] = index.Cities.SelectMany(city => CityTrace.From(index, city.Slug).Lines.Select(l => new Dictionary<string, object?>
            {
                ["city"] = city.Slug, ["indicator"] = l.Indicator, ["pillar"] = l.Pillar, ["included"] = l.Included, ["value"] = l.Figure?.Value, ["value_year"] = l.Figure?.Year,
                ["origin"] = l.Figure?.Origin.ToString(), ["grade"] = l.Figure?.Grade.ToString(), ["other_source_value"] = l.Figure?.Other?.Value, ["source"] = l.Figure?.Source, ["observation_id"] = l.Figure?.ObservationId?.ToString(), ["normalised"] = l.Normalised, ["weight"] = l.Weight,
            })).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
