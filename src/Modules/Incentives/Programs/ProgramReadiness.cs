using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Programs;

/// <summary>
/// Whether a program can award on a day: the figures the award needs (its budget, the parameters of the maximum
/// formula and its caps) must have a value then. The office is warned while any is unset, before anyone applies.
/// </summary>
internal static class ProgramReadiness
{
    /// <summary>The parameters an award needs that have no value on <paramref name="date"/>, in the program's order.</summary>
    public static IReadOnlyList<ProgramParameter> Unset(IncentiveProgram program, ParameterTimeline timeline, DateOnly date)
    {
        var needed = Needed(program);
        return program.Parameters.Where(p => needed.Contains(p.Name) && timeline.ValueOn(p.Name, date) is null).ToList();
    }

    /// <summary>The names of the parameters an award reads: the maximum formula's, the budget, the caps and the quota.</summary>
    public static IReadOnlySet<string> Needed(IncentiveProgram program) =>
        program.Maximum.Names()
            .Append(program.Budget)
            .Concat(new[] { program.Caps.PerAward, program.Caps.PerEnterprisePerYear, program.Caps.PerProgramPerYear, program.Quota }.OfType<string>())
            .Where(name => program.Parameter(name) is not null)
            .ToHashSet(StringComparer.Ordinal);
}
