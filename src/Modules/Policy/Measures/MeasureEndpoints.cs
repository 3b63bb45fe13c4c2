using System.Text.Json;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Measures;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Policy.Measures;

/// <summary>
/// <c>GET /api/v1/policy/measures</c> (the coverage page as data) and <c>GET /api/v1/policy/measures/{documentId}/{number}</c>
/// (a measure page as data). Kinds and statuses are snake_case, money is yuan.
/// </summary>
internal static class MeasureEndpoints
{
    public sealed record ImplementationDto(string Kind, LocalizedText Title, string Link, LocalizedText? Status, MeasureMoney? Money);

    public sealed record MeasureDto(
        string DocumentId, LocalizedText DocumentTitle, string Number, LocalizedText Title, LocalizedText Summary, string SourceFile, string Status, string Page,
        IReadOnlyList<ImplementationDto> Implementations, MeasureMoney Money, IReadOnlyList<PolicyTarget> Targets);

    public sealed record CoverageDto(
        string DocumentId, LocalizedText DocumentTitle, string Number, LocalizedText Title, string Status, int Implementations, int Targets, MeasureMoney Money, string Page);

    public static async Task<Ok<IReadOnlyList<CoverageDto>>> ListAsync(ReadMeasures measures, CancellationToken cancellationToken)
    {
        var rows = await measures.CoverageAsync(cancellationToken);
        IReadOnlyList<CoverageDto> dtos = rows.Select(r => new CoverageDto(
            r.Document.Id, r.Document.Title, r.Measure.Number, r.Measure.Title, Snake(r.Status), r.Implementations, r.Targets, r.Money,
            MeasureReference.PagePathOf(r.Document.Id, r.Measure.Number))).ToList();
        return TypedResults.Ok(dtos);
    }

    public static async Task<Ok<MeasureDto>> FindAsync(string documentId, string number, ReadMeasures measures, CancellationToken cancellationToken)
    {
        var view = await measures.FindAsync(documentId, number, cancellationToken)
            ?? throw new DomainRuleException(ProblemMessage.Of("policy.problem.no-measure", documentId, number), "number", StatusCodes.Status404NotFound);
        return TypedResults.Ok(new MeasureDto(
            view.Document.Id, view.Document.Title, view.Measure.Number, view.Measure.Title, view.Measure.Summary, view.Measure.SourceFile, Snake(view.Status),
            MeasureReference.PagePathOf(view.Document.Id, view.Measure.Number),
            view.Implementations.Select(i => new ImplementationDto(Snake(i.Kind), i.Title, i.Link, i.Status, i.Money)).ToList(),
            view.Money, view.Targets));
    }

    /// <summary>Where the measure's page is; the same address the pages link to.</summary>

    private static string Snake<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
