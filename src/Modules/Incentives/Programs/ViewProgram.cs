using Funeng.Incentives.Data;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Localization;

namespace Funeng.Incentives.Programs;

/// <summary>A parameter as a clerk reads it: its value today (null while unset) and whether an award needs it.</summary>
internal sealed record ParameterToday(ProgramParameter Parameter, decimal? Value, bool NeededToAward);

/// <summary>Everything the program page shows: the program, its figures today, what blocks awards, whether it is open.</summary>
internal sealed record ProgramSheet(IncentiveProgram Program, IReadOnlyList<ParameterToday> Parameters, IReadOnlyList<ProgramParameter> Unset, bool OpenToday, DateOnly Today);

/// <summary>A program's parameters as the parameters page shows them: each with its value on the page's day and its history.</summary>
internal sealed record ParameterSheet(string ProgramId, LocalizedText Name, IReadOnlyList<ProgramEndpoints.ParameterView> Parameters);

/// <summary>Reads one program for its page: the pack's text and the parameter values in force today (China Standard Time).</summary>
internal sealed class ViewProgram(ProgramCatalog catalog, IncentivesDb db, TimeProvider clock)
{
    public async Task<ProgramSheet?> ViewAsync(string programId, CancellationToken cancellationToken)
    {
        var program = catalog.Programs.FirstOrDefault(p => p.Id == programId);
        if (program is null)
        {
            return null;
        }

        var today = ChinaTime.Today(clock);
        var timeline = await db.TimelineAsync(program, cancellationToken);
        var unset = ProgramReadiness.Unset(program, timeline, today);
        var needed = ProgramReadiness.Needed(program);
        var parameters = program.Parameters.Select(p => new ParameterToday(p, timeline.ValueOn(p.Name, today), needed.Contains(p.Name))).ToList();
        return new ProgramSheet(program, parameters, unset, program.OpenOn(today), today);
    }

    /// <summary>One program's parameter timeline (the pack's values, then those set).</summary>
    public Task<ParameterTimeline> TimelineAsync(IncentiveProgram program, CancellationToken cancellationToken) =>
        db.TimelineAsync(program, cancellationToken);

    /// <summary>Every program's parameters (the pack's values, then those set), in the pack's order, valued on <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<ParameterSheet>> ParametersAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var timelines = await db.TimelinesAsync(catalog.Programs, cancellationToken);
        return [.. catalog.Programs.Select(p => new ParameterSheet(p.Id, p.Name, [.. p.Parameters.Select(x => ProgramEndpoints.ParameterView.Of(x, timelines[p.Id], day))]))];
    }

    /// <summary>Every program's parameter timeline (the pack's values, then those set), by program id.</summary>
    public Task<Dictionary<string, ParameterTimeline>> TimelinesAsync(CancellationToken cancellationToken) =>
        db.TimelinesAsync(catalog.Programs, cancellationToken);
}
