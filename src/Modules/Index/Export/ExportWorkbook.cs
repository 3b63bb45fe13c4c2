using System.Globalization;
using System.Text.Json;
using Funeng.Index.Data;
using Funeng.Index.Indicators;
using Funeng.Index.Observations;
using Funeng.Index.Scoring;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Funeng.Index.Export;

/// <summary>
/// <c>GET /api/v1/index/export.xlsx?year=</c>: one workbook with the indicators, every published observation
/// version (the full history), the year's index with rank intervals, and the trace of every score. A person opens
/// it, so sheet names, column headers, units, grades, every enum and code column (polarity, frequency, scope kind,
/// origin, channel, yes/no) and the demo label are in the reader's language (like Incentives' budget workbook);
/// keys, scopes and ids stay as the API writes them.
/// </summary>
internal sealed class ExportWorkbook(IndexDb db, CalculateIndex calculator, UiText text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<FileContentHttpResult> HandleAsync(int? year, ExportWorkbook export, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            throw InvalidInputException.For("year", "problem.value.year");
        }

        var chosen = year ?? clock.GetUtcNow().Year;
        return TypedResults.File(await export.BuildAsync(chosen, CultureInfo.CurrentUICulture, cancellationToken), ContentType, $"funeng-index-{chosen}.xlsx");
    }

    public async Task<byte[]> BuildAsync(int year, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var observations = await db.Observations.AsNoTracking().Where(o => o.Status == ObservationStatus.Published).ToListAsync(cancellationToken);
        var index = await calculator.CalculateAsync(year, IndexMethod.Default, new SensitivityOptions(CalculateIndex.DefaultDraws), cancellationToken);
        var response = IndexResponse.From(index);
        string Label(string key) => text.Get("index.export." + key, culture);
        // A code with a label (a unit, a pillar, a channel, a source or note the system wrote) reads as the label; one without stays as it is.
        string Code(string prefix, string? code) => code is null ? "" : text.Has(prefix + code) ? text.Get(prefix + code, culture) : code;
        // An enum value always has a label (index.polarity.higher_is_better, …): a missing one shows as ⟦key⟧, which tests catch.
        string Word<TEnum>(string prefix, TEnum? value)
            where TEnum : struct, Enum => value is { } v ? text.Get(prefix + JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), culture) : "";
        string YesNo(bool value) => Label(value ? "yes" : "no");
        var sheets = new Dictionary<string, object>
        {
            [Label("sheet.indicators")] = IndicatorCatalog.All.Select(i => new Dictionary<string, object?>
            {
                [Label("key")] = i.Key, [Label("name-zh")] = i.Name.Zh, [Label("name-en")] = i.Name.En, [Label("definition")] = i.Definition.In(culture),
                [Label("unit")] = Code("index.unit.", i.Unit), [Label("polarity")] = Word<Polarity>("index.polarity.", i.Polarity), [Label("source")] = i.Source.In(culture),
                [Label("frequency")] = Word<Frequency>("index.frequency.", i.Frequency), [Label("scope")] = Word<IndicatorScope>("index.indicator-scope.", i.Scope), [Label("pillar")] = Code("index.pillar.", i.Pillar),
            }).ToList(),
            [Label("sheet.observations")] = observations.OrderBy(o => o.Indicator, StringComparer.Ordinal).ThenBy(o => o.Scope, StringComparer.Ordinal).ThenBy(o => o.Year).ThenBy(o => o.Version)
                .Select(o => new Dictionary<string, object?>
                {
                    [Label("indicator")] = o.Indicator, [Label("scope")] = o.Scope, [Label("year")] = o.Year, [Label("version")] = o.Version, [Label("value")] = o.Value,
                    [Label("source")] = Code("", o.Source), [Label("invented")] = o.Invented ? Label("invented-demo") : "", [Label("channel")] = Code("index.channel.", o.Channel),
                    [Label("entered-by")] = o.EnteredByName, [Label("entered-at")] = ChinaTime.ToIso(o.EnteredAt), [Label("note")] = Code("", o.Note),
                }).ToList(),
            [UiTemplate.Fill(CultureInfo.InvariantCulture, Label("sheet.index"), year)] = response.Cities.Select(c =>
            {
                var row = new Dictionary<string, object?>
                {
                    [Label("rank")] = c.Rank, [Label("city")] = c.City, [Label("name")] = c.Name.In(culture), [Label("score")] = c.Score,
                    [Label("rank-p5")] = c.RankInterval.Low, [Label("rank-median")] = c.RankInterval.Median, [Label("rank-p95")] = c.RankInterval.High,
                };
                foreach (var (pillar, score) in c.Pillars)
                {
                    row[Code("index.pillar.", pillar)] = score;
                }

                return row;
            }).ToList(),
            [Label("sheet.trace")] = index.Cities.SelectMany(city => CityTrace.From(index, city.Slug).Lines.Select(l => new Dictionary<string, object?>
            {
                [Label("city")] = city.Slug, [Label("indicator")] = l.Indicator, [Label("pillar")] = Code("index.pillar.", l.Pillar), [Label("included")] = YesNo(l.Included),
                [Label("value")] = l.Figure?.Value, [Label("value-year")] = l.Figure?.Year, [Label("origin")] = Word<FigureOrigin>("index.origin.", l.Figure?.Origin), [Label("grade")] = Word<EvidenceGrade>("index.grade.", l.Figure?.Grade),
                [Label("other-source-value")] = l.Figure?.Other?.Value, [Label("source")] = Code("", l.Figure?.Source), [Label("observation-id")] = l.Figure?.ObservationId?.ToString(),
                [Label("normalised")] = l.Normalised, [Label("weight")] = l.Weight,
            })).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
