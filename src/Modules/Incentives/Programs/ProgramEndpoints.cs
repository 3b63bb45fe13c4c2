using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Incentives.Programs;

/// <summary>The programs as the API shows them, and the office's setting of a parameter from a date.</summary>
internal static class ProgramEndpoints
{
    public sealed record ParameterView(string Name, string Unit, string? Target, LocalizedText? Note, decimal? ValueToday, IReadOnlyList<ParameterValue> History)
    {
        /// <summary>A parameter of a program with its value on <paramref name="today"/> and every value it has had.</summary>
        public static ParameterView Of(ProgramParameter parameter, ParameterTimeline timeline, DateOnly today) =>
            new(parameter.Name, parameter.Unit, parameter.Target, parameter.Note, timeline.ValueOn(parameter.Name, today), timeline.History(parameter.Name));
    }

    public sealed record ProgramView(string Id, LocalizedText Name, LocalizedText Summary, AwardKind Kind, string Document, string Measure, DateOnly? ValidFrom, DateOnly? ValidTo,
        bool ExpertReview, string Maximum, IReadOnlyList<string> FactsNeeded, IReadOnlyList<string> Documents, IReadOnlyList<ParameterView> Parameters, IReadOnlyList<string> UnsetParameters);

    public sealed record SetParameterRequest(decimal? Value, DateOnly? EffectiveFrom);

    public static async Task<Ok<List<ProgramView>>> ListAsync(ProgramCatalog catalog, ViewProgram programs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var timelines = await programs.TimelinesAsync(cancellationToken);
        return TypedResults.Ok(catalog.Programs.Select(p => View(p, timelines[p.Id], catalog.Facts, ChinaTime.Today(clock))).ToList());
    }

    public static async Task<Ok<ProgramView>> GetAsync(string id, ProgramCatalog catalog, ViewProgram programs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var program = catalog.Get(id);
        return TypedResults.Ok(View(program, await programs.TimelineAsync(program, cancellationToken), catalog.Facts, ChinaTime.Today(clock)));
    }

    public static async Task<Ok<ProgramView>> SetParameterAsync(string id, string name, SetParameterRequest request,
        SetProgramParameter set, ProgramCatalog catalog, ViewProgram programs, TimeProvider clock, CancellationToken cancellationToken)
    {
        InvalidInputException.ThrowIfAny(await set.SetAsync(id, name, request.Value, request.EffectiveFrom, cancellationToken));

        var program = catalog.Get(id);
        return TypedResults.Ok(View(program, await programs.TimelineAsync(program, cancellationToken), catalog.Facts, ChinaTime.Today(clock)));
    }

    public static ProgramView View(IncentiveProgram p, ParameterTimeline timeline, FactCatalog facts, DateOnly today) => new(
        p.Id, p.Name, p.Summary, p.Kind, p.DocumentId, p.Measure, p.ValidFrom, p.ValidTo, p.ExpertReview, p.Maximum.ToString()!,
        p.FactsNeeded(facts), p.Documents.Select(d => d.Key).ToList(),
        p.Parameters.Select(x => ParameterView.Of(x, timeline, today)).ToList(),
        p.Parameters.Where(x => timeline.ValueOn(x.Name, today) is null).Select(x => x.Name).ToList());
}
