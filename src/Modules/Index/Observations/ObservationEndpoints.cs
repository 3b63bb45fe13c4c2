using System.Globalization;
using Funeng.Index.Data;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Geography;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Index.Observations;

/// <summary>The body of <c>POST /api/v1/index/observations</c>.</summary>
internal sealed record PostObservationRequest(string Indicator, string Scope, int Year, decimal Value, string Source, bool? Publish, string? Note);

/// <summary>An observation version as the API shows it.</summary>
internal sealed record ObservationDto(Guid Id, string Indicator, string Scope, int Year, int Version, decimal Value, ObservationStatus Status,
    string Source, bool Invented, string Channel, string EnteredBy, DateTimeOffset EnteredAt, string? Note)
{
    public static ObservationDto From(ObservationRecord o) =>
        new(o.Id, o.Indicator, o.Scope, o.Year, o.Version, o.Value, o.Status, o.Source, o.Invented, o.Channel, o.EnteredByName, o.EnteredAt, o.Note);
}

/// <summary>Observations over HTTP: post one value, import a file, read current values and one figure's history.</summary>
internal static class ObservationEndpoints
{
    /// <summary><c>POST /api/v1/index/observations</c>: a new value, or the next version (a correction) of an existing one.</summary>
    public static async Task<Results<Created<ObservationDto>, ValidationProblem>> PostAsync(PostObservationRequest request, RecordObservations recorder, UiText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var written = await recorder.RecordAsync(
                [new NewObservation(request.Indicator, request.Scope, request.Year, request.Value, request.Source, request.Publish ?? true, request.Note)], "api", cancellationToken);
            var record = written[0];
            return TypedResults.Created($"/api/v1/index/observations/{record.Indicator}/{record.Scope}/{record.Year}", ObservationDto.From(record));
        }
        catch (InvalidInputException e)
        {
            return TypedResults.ValidationProblem(ToProblem(ObservationError.Among(e), text), title: text["problem.title.invalid"]);
        }
    }

    /// <summary>
    /// <c>POST /api/v1/index/observations/import?format=csv|xlsx</c> with the file itself as the body: all rows or
    /// none. A form (multipart), JSON or any other content type, or a body over the import limit, is refused before
    /// the body is read.
    /// </summary>
    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem>> ImportAsync(HttpRequest http, string? format, ImportObservations importer, UiText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            var extension = ImportFormat(format, http.ContentType);
            if (http.ContentLength > UploadedFiles.MaxBytes)
            {
                throw UploadedFiles.TooLarge("upload." + extension);
            }

            var import = await importer.ImportAsync(http.Body, "upload." + extension, cancellationToken);
            return TypedResults.Ok(new ImportOutcome(import.Imported, import.Notes));
        }
        catch (InvalidInputException e) when (ObservationError.Among(e).Count > 0)
        {
            return TypedResults.ValidationProblem(ToProblem(ObservationError.Among(e), text), detail: text["index.problem.nothing-imported"], title: text["problem.title.invalid"]);
        }
    }

    /// <summary>csv or xlsx, from <c>format</c> or else the content type; a content type that is not a file of either kind is refused.</summary>
    public static string ImportFormat(string? format, string? contentType)
    {
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (media is not ("" or "text/csv" or "application/csv" or "text/plain" or "application/vnd.ms-excel" or "application/octet-stream" or SpreadsheetType))
        {
            throw new InvalidInputException([ObservationError.Of(null, "contentType", "index.problem.content-type", media, SpreadsheetType)]);
        }

        return format?.Trim().ToLowerInvariant() switch
        {
            null or "" => media == SpreadsheetType ? "xlsx" : "csv",
            "csv" => "csv",
            "xlsx" => "xlsx",
            _ => throw new InvalidInputException([ObservationError.Of(null, "format", "index.problem.format", format)]),
        };
    }

    /// <summary><c>GET /api/v1/index/observations?scope=&amp;indicator=</c>: current published values, with their source.</summary>
    public static async Task<Ok<IReadOnlyList<Figure>>> ListAsync(string? scope, string? indicator, IndicatorValues values, CancellationToken cancellationToken)
    {
        var book = await values.LoadAsync(cancellationToken);
        IReadOnlyList<Figure> figures = book.All
            .Where(f => (scope is null || f.Scope == scope) && (indicator is null || f.Indicator == indicator))
            .OrderBy(f => f.Indicator, StringComparer.Ordinal).ThenBy(f => f.Scope, StringComparer.Ordinal).ThenBy(f => f.Year).ToList();
        return TypedResults.Ok(figures);
    }

    /// <summary><c>GET /api/v1/index/observations/{indicator}/{scope}/{year}</c>: every version, newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ObservationDto>>, NotFound>> HistoryAsync(
        string indicator, string scope, int year, IndicatorValues values, ObservationAccess access, CancellationToken cancellationToken)
    {
        var drafts = GuangdongCities.IsValidScope(scope) && access.MaySeeDrafts(scope);
        var history = await values.HistoryAsync(indicator, scope, year, drafts, cancellationToken);
        return history.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok<IReadOnlyList<ObservationDto>>(history.Select(ObservationDto.From).ToList());
    }

    private const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The problems by <c>column</c> or <c>row N.column</c>, each told with its row and column in the reader's language.</summary>
    public static Dictionary<string, string[]> ToProblem(IReadOnlyList<ObservationError> errors, UiText text) =>
        errors.GroupBy(e => e.Location, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.In(text, CultureInfo.CurrentUICulture)).ToArray());
}

/// <summary>An import's outcome; each note is written in the reader's language (Kernel's ProblemMessage JSON converter).</summary>
internal sealed record ImportOutcome(int Imported, IReadOnlyList<ProblemMessage> Notes);
