using Funeng.Incentives.Rules;

namespace Funeng.Incentives.Screening;

/// <summary>One enterprise's answer for one program, without its explanation (the calculator gives that on demand).</summary>
internal readonly record struct ScreenedVerdict(EligibilityOutcome Outcome, decimal? Amount);

/// <summary>
/// Screens many enterprises against every program on one date with the engine prepared once per program for that
/// date and run without an explanation (nothing allocated per verdict), in parallel across enterprises. Verdicts are laid out enterprise by enterprise: <c>[enterprise * programs + program]</c>.
/// </summary>
internal static class Screener
{
    public static ScreenedVerdict[] Screen(IReadOnlyList<IncentiveProgram> programs, IReadOnlyDictionary<string, ParameterTimeline> timelines,
        IReadOnlyList<Facts> enterprises, DateOnly date, Func<int, IncentiveProgram, AwardHistory>? history = null, int? parallelism = null)
    {
        var engines = programs.Select(p => new EligibilityEngine(p, timelines[p.Id], date)).ToArray();
        var verdicts = new ScreenedVerdict[enterprises.Count * programs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount };
        Parallel.For(0, enterprises.Count, options, e =>
        {
            for (var p = 0; p < engines.Length; p++)
            {
                var (outcome, amount) = engines[p].Evaluate(enterprises[e], history?.Invoke(e, programs[p]));
                verdicts[(e * engines.Length) + p] = new ScreenedVerdict(outcome, amount);
            }
        });
        return verdicts;
    }
}
