using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Incentives.Rules;

public enum EligibilityOutcome
{
    Eligible,
    Ineligible,

    /// <summary>A fact the rules need is missing: the answer says which ("unknown: needs X").</summary>
    Unknown,
}

public enum StepResult
{
    Pass,
    Fail,
    Unknown,
    Value,
}

/// <summary>One line of the explanation: which rule, with which values, and what came of it.</summary>
/// <remarks>The detail is a message with arguments, told in the reader's language where it is shown.</remarks>
internal sealed record TraceStep(string Rule, LocalizedText? Name, ProblemMessage Detail, StepResult Result);

/// <summary>What has been awarded already, where caps and quotas over a year apply.</summary>
internal sealed record AwardHistory(decimal EnterpriseYearTotal, int ProgramYearCount, decimal ProgramYearTotal);

/// <summary>The answer for one program: outcome, the most it can award, and why.</summary>
internal sealed record ProgramVerdict(
    string ProgramId,
    LocalizedText ProgramName,
    AwardKind Kind,
    EligibilityOutcome Outcome,
    decimal? MaximumAmount,
    IReadOnlyList<string> Failed,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> MissingParameters,
    IReadOnlyList<TraceStep> Trace)
{
    /// <summary>Eligible with an amount: every parameter it needs is set.</summary>
    public bool CanAward => Outcome == EligibilityOutcome.Eligible && MaximumAmount is > 0;
}

/// <summary>
/// Why a verdict came out as it did, filled in by <see cref="EligibilityEngine.Evaluate(Facts, AwardHistory?, Explanation?)"/>
/// when a caller passes one: the rules failed, the facts and parameters missing, and (when asked for) the trace.
/// </summary>
internal sealed class Explanation(bool trace)
{
    public List<string> Failed { get; } = [];

    public List<string> Needs { get; } = [];

    public List<string> MissingParameters { get; } = [];

    /// <summary>Null when the caller asked for no trace: then no step's text is built at all.</summary>
    public List<TraceStep>? Trace { get; } = trace ? [] : null;
}

/// <summary>
/// The rules engine, the one evaluator of eligibility and amounts: a program prepared for one date (parameters read
/// once, each condition and the formula compiled to delegates), then a pure function of the facts and the award
/// history. Given an <see cref="Explanation"/> it also says why; without one (the screening of every enterprise)
/// it allocates nothing. The calculator, applications, approvals, the screening and the pack's cases all run it,
/// so a new operator is written once: its check and its explanation sit together in <see cref="ConditionChecks"/>.
/// </summary>
internal sealed class EligibilityEngine
{
    public const string Untrustworthy = "untrustworthy";
    public const string OutsideWindow = "validity-window";
    public const string QuotaReached = "quota-reached";
    public const string EnterpriseCapReached = "enterprise-year-cap-reached";
    public const string ProgramCapReached = "program-year-cap-reached";

    private readonly IncentiveProgram _program;
    private readonly DateOnly _date;
    private readonly FactCatalog? _facts;
    private readonly bool _open;
    private readonly ConditionCheck[] _conditions;
    private readonly FormulaNode _formula;
    private readonly Cap _perAward;
    private readonly Cap _perEnterprise;
    private readonly Cap _perProgram;
    private readonly decimal? _quota;

    /// <param name="program">The program.</param>
    /// <param name="parameters">Its parameters' values over time.</param>
    /// <param name="date">The day the verdict is for.</param>
    /// <param name="facts">The fact catalog, for a trace that names facts by their labels (none when no trace is read).</param>
    public EligibilityEngine(IncentiveProgram program, ParameterTimeline parameters, DateOnly date, FactCatalog? facts = null)
    {
        _program = program;
        _facts = facts;
        _date = date;
        _open = program.OpenOn(date);
        _conditions = program.Conditions.Select(c => ConditionChecks.Compile(c, parameters, date)).ToArray();
        _formula = program.Maximum.Compile(program.Parameters.ToDictionary(p => p.Name, p => parameters.ValueOn(p.Name, date), StringComparer.Ordinal));
        _perAward = new Cap("incentives.trace.cap.per-award", program.Caps.PerAward, parameters, date);
        _perEnterprise = new Cap("incentives.trace.cap.per-enterprise", program.Caps.PerEnterprisePerYear, parameters, date);
        _perProgram = new Cap("incentives.trace.cap.per-program", program.Caps.PerProgramPerYear, parameters, date);
        _quota = program.Quota is null ? null : parameters.ValueOn(program.Quota, date);
    }

    /// <summary>The verdict with its reasons, and with its trace unless <paramref name="trace"/> is false.</summary>
    public static ProgramVerdict Evaluate(IncentiveProgram program, ParameterTimeline parameters, Facts facts, DateOnly date, AwardHistory? history = null, bool trace = true,
        FactCatalog? catalog = null)
    {
        var why = new Explanation(trace);
        var (outcome, amount) = new EligibilityEngine(program, parameters, date, catalog).Evaluate(facts, history, why);
        return new ProgramVerdict(program.Id, program.Name, program.Kind, outcome, amount, why.Failed, why.Needs, why.MissingParameters, why.Trace ?? []);
    }

    /// <summary>The outcome, and the most the program can award when eligible (null while a parameter it needs is unset).</summary>
    public (EligibilityOutcome Outcome, decimal? Amount) Evaluate(Facts facts, AwardHistory? history = null, Explanation? why = null)
    {
        var failed = !_open;
        var unknown = false;
        if (!facts.TryGet(FactCatalog.UntrustworthyKey, out var listed))
        {
            unknown = true;
            why?.Needs.Add(FactCatalog.UntrustworthyKey);
            why?.Trace?.Add(new TraceStep(Untrustworthy, null, ProblemMessage.Of("incentives.trace.untrustworthy.unknown"), StepResult.Unknown));
        }
        else if (listed is true)
        {
            failed = true;
            why?.Failed.Add(Untrustworthy);
            why?.Trace?.Add(new TraceStep(Untrustworthy, null, ProblemMessage.Of("incentives.trace.untrustworthy.listed"), StepResult.Fail));
        }
        else
        {
            why?.Trace?.Add(new TraceStep(Untrustworthy, null, ProblemMessage.Of("incentives.trace.untrustworthy.clear"), StepResult.Pass));
        }

        if (!_open)
        {
            why?.Failed.Add(OutsideWindow);
        }

        why?.Trace?.Add(new TraceStep(OutsideWindow, null, ProblemMessage.Of("incentives.trace.window", Day(_date), Day(_program.ValidFrom) ?? "…", Day(_program.ValidTo) ?? "…", YesNo(_open)),
            _open ? StepResult.Pass : StepResult.Fail));

        for (var i = 0; i < _conditions.Length; i++)
        {
            switch (_conditions[i](facts, why))
            {
                case StepResult.Fail:
                    failed = true;
                    why?.Failed.Add(_program.Conditions[i].Id);
                    break;
                case StepResult.Unknown:
                    unknown = true;
                    if (why is not null && !why.Needs.Contains(_program.Conditions[i].Fact))
                    {
                        why.Needs.Add(_program.Conditions[i].Fact);
                    }

                    break;
            }
        }

        if (failed)
        {
            return (EligibilityOutcome.Ineligible, null);
        }

        // The formula's facts are needed even when its parameters are unset, and a cap or the quota can still make
        // an application with open questions ineligible.
        var amount = Maximum(facts, history, why, ref failed, ref unknown);
        return failed ? (EligibilityOutcome.Ineligible, null)
            : unknown ? (EligibilityOutcome.Unknown, null)
            : (EligibilityOutcome.Eligible, amount);
    }

    private decimal? Maximum(Facts facts, AwardHistory? history, Explanation? why, ref bool failed, ref bool unknown)
    {
        var run = new FormulaRun { Missing = why is null ? null : [], Steps = why?.Trace is null ? null : [] };
        var amount = _formula(facts, ref run);
        unknown |= run.FactMissing || run.DivisionByZero;
        if (why is not null)
        {
            foreach (var name in run.Missing!)
            {
                var isParameter = _program.Parameter(name) is not null;
                (isParameter ? why.MissingParameters : why.Needs).Add(name);
                var label = new FormulaText(new Formula.Name(name), _facts);
                why.Trace?.Add(new TraceStep("formula", null, isParameter
                    ? ProblemMessage.Of("incentives.trace.formula.parameter-unset", label, Day(_date))
                    : ProblemMessage.Of("incentives.reason.needs", label), StepResult.Unknown));
            }

            foreach (var (operation, values) in run.Steps ?? [])
            {
                why.Trace!.Add(new TraceStep("formula", null, ProblemMessage.Of("incentives.trace.formula.step", new FormulaText(operation, _facts), values), StepResult.Value));
            }
        }

        amount = amount is null ? null : _perAward.Apply(amount.Value, 0m, why);
        if (history is not null && amount is not null)
        {
            amount = _perEnterprise.Apply(amount.Value, history.EnterpriseYearTotal, why);
            amount = amount is null ? null : _perProgram.Apply(amount.Value, history.ProgramYearTotal, why);
            if (_quota is { } quota)
            {
                var left = history.ProgramYearCount < quota;
                why?.Trace?.Add(new TraceStep(QuotaReached, null, ProblemMessage.Of("incentives.trace.quota", history.ProgramYearCount, _program.Quota, Formula.Show(quota), YesNo(left)),
                    left ? StepResult.Pass : StepResult.Fail));
                if (!left)
                {
                    failed = true;
                    why?.Failed.Add(QuotaReached);
                }
            }

            if (amount is 0m)
            {
                failed = true;
                why?.Failed.Add(history.EnterpriseYearTotal > 0 ? EnterpriseCapReached : ProgramCapReached);
            }
        }

        // Whole fen, rounded down: a rounded amount must never exceed the cap it was computed under.
        return amount is null ? null : Math.Floor(amount.Value * 100m) / 100m;
    }

    internal static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static ProblemMessage YesNo(bool yes) => ProblemMessage.Of(yes ? "incentives.trace.yes" : "incentives.trace.no");

    /// <summary>
    /// A cap by a parameter: none when the program names none; unset when the parameter has no value on the date.
    /// <paramref name="labelKey"/> names the cap in the trace.
    /// </summary>
    private sealed class Cap(string labelKey, string? parameter, ParameterTimeline parameters, DateOnly date)
    {
        private readonly decimal? _value = parameter is null ? null : parameters.ValueOn(parameter, date);

        /// <summary>The cap's parameter as a reader sees it, by its label.</summary>
        private readonly FormulaText? _label = parameter is null ? null : new FormulaText(new Formula.Name(parameter), null);

        public decimal? Apply(decimal amount, decimal used, Explanation? why)
        {
            if (parameter is null)
            {
                return amount;
            }

            if (_value is not { } cap)
            {
                why?.MissingParameters.Add(parameter);
                why?.Trace?.Add(new TraceStep("cap", null, ProblemMessage.Of("incentives.trace.cap.parameter-unset", ProblemMessage.Of(labelKey), _label, Day(date)), StepResult.Unknown));
                return null;
            }

            var result = Math.Min(amount, Math.Max(0m, cap - used));
            why?.Trace?.Add(new TraceStep("cap", null, used > 0
                ? ProblemMessage.Of("incentives.trace.cap.applied-after-awards", ProblemMessage.Of(labelKey), Formula.Show(amount), _label, Formula.Show(cap), Formula.Show(used), Formula.Show(result))
                : ProblemMessage.Of("incentives.trace.cap.applied", ProblemMessage.Of(labelKey), Formula.Show(amount), _label, Formula.Show(cap), Formula.Show(result)),
                StepResult.Value));
            return result;
        }
    }
}
