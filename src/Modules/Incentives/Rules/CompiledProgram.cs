using System.Collections.Frozen;
using System.Globalization;

namespace Funeng.Incentives.Rules;

/// <summary>
/// A program prepared for screening many enterprises on one date: parameters are read once, each condition is a
/// delegate, the formula a tree of delegates, and an evaluation allocates nothing. It answers what
/// <see cref="EligibilityEngine.Evaluate"/> answers (outcome and maximum amount) without the trace; the
/// calculator runs the engine itself when someone asks why. Tests check both give the same answers.
/// </summary>
internal sealed class CompiledProgram
{
    private delegate decimal? Node(Facts facts, ref bool divisionByZero);

    private readonly Func<Facts, StepResult>[] _conditions;
    private readonly string[] _formulaFacts;
    private readonly Node _formula;
    private readonly bool _open;
    private readonly Cap _perAward;
    private readonly Cap _perEnterprise;
    private readonly Cap _perProgram;
    private readonly decimal? _quota;

    public CompiledProgram(IncentiveProgram program, ParameterTimeline parameters, DateOnly date)
    {
        Program = program;
        _open = program.OpenOn(date);
        _conditions = program.Conditions.Select(c => Compile(c, parameters, date)).ToArray();
        _formulaFacts = program.Maximum.Names().Where(n => program.Parameter(n) is null).Distinct(StringComparer.Ordinal).ToArray();
        _formula = Compile(program.Maximum, program, parameters, date);
        _perAward = new Cap(program.Caps.PerAward, parameters, date);
        _perEnterprise = new Cap(program.Caps.PerEnterprisePerYear, parameters, date);
        _perProgram = new Cap(program.Caps.PerProgramPerYear, parameters, date);
        _quota = program.Quota is null ? null : parameters.ValueOn(program.Quota, date);
    }

    public IncentiveProgram Program { get; }

    public (EligibilityOutcome Outcome, decimal? Amount) Evaluate(Facts facts, AwardHistory? history)
    {
        var failed = !_open;
        var unknown = false;
        if (!facts.TryGet(FactCatalog.UntrustworthyKey, out var listed))
        {
            unknown = true;
        }
        else if (listed is true)
        {
            failed = true;
        }

        foreach (var condition in _conditions)
        {
            switch (condition(facts))
            {
                case StepResult.Fail: failed = true; break;
                case StepResult.Unknown: unknown = true; break;
            }
        }

        if (failed)
        {
            return (EligibilityOutcome.Ineligible, null);
        }

        // As in the engine: the formula's facts are needed even when its parameters are unset, and a cap or the
        // quota can still make an application with open questions ineligible.
        foreach (var fact in _formulaFacts)
        {
            unknown |= facts.Number(fact) is null;
        }

        var divisionByZero = false;
        var amount = _formula(facts, ref divisionByZero);
        unknown |= divisionByZero;
        amount = amount is null ? null : _perAward.Apply(amount.Value, 0m);
        if (history is not null && amount is not null)
        {
            amount = _perEnterprise.Apply(amount.Value, history.EnterpriseYearTotal);
            amount = amount is null ? null : _perProgram.Apply(amount.Value, history.ProgramYearTotal);
            failed = (_quota is { } quota && history.ProgramYearCount >= quota) || amount is 0m;
        }

        return failed ? (EligibilityOutcome.Ineligible, null)
            : unknown ? (EligibilityOutcome.Unknown, null)
            : (EligibilityOutcome.Eligible, amount is null ? null : Math.Floor(amount.Value * 100m) / 100m);
    }

    /// <summary>A cap by a parameter: none when the program names none; unset when the parameter has no value on the date.</summary>
    private readonly struct Cap(string? parameter, ParameterTimeline parameters, DateOnly date)
    {
        private readonly bool _none = parameter is null;
        private readonly decimal? _value = parameter is null ? null : parameters.ValueOn(parameter, date);

        public decimal? Apply(decimal amount, decimal used) => _none ? amount : _value is { } cap ? Math.Min(amount, Math.Max(0m, cap - used)) : null;
    }

    private static Func<Facts, StepResult> Compile(Condition condition, ParameterTimeline parameters, DateOnly date)
    {
        var fact = condition.Fact;
        switch (condition.Operator)
        {
            case ConditionOperator.Holds:
                var code = condition.Operands[0];
                return f =>
                {
                    if (f.Qualifications is not { } held)
                    {
                        return StepResult.Unknown;
                    }

                    foreach (var q in held)
                    {
                        if (q.Code == code && q.HeldOn(date))
                        {
                            return StepResult.Pass;
                        }
                    }

                    return StepResult.Fail;
                };
            case ConditionOperator.Equals or ConditionOperator.In:
                var allowed = condition.Operands.ToFrozenSet(StringComparer.Ordinal);
                return f => !f.TryGet(fact, out var v) ? StepResult.Unknown : allowed.Contains((string)v) ? StepResult.Pass : StepResult.Fail;
            case ConditionOperator.Is:
                var expected = condition.Operands[0] == "true";
                return f => !f.TryGet(fact, out var v) ? StepResult.Unknown : (bool)v == expected ? StepResult.Pass : StepResult.Fail;
            default:
                var operand = condition.Operands[0];
                var bound = decimal.TryParse(operand, NumberStyles.Number, CultureInfo.InvariantCulture, out var literal) ? literal : parameters.ValueOn(operand, date);
                var atLeast = condition.Operator == ConditionOperator.AtLeast;
                return f => !f.TryGet(fact, out var v) || bound is not { } b ? StepResult.Unknown
                    : (atLeast ? (decimal)v >= b : (decimal)v <= b) ? StepResult.Pass : StepResult.Fail;
        }
    }

    private static Node Compile(Formula formula, IncentiveProgram program, ParameterTimeline parameters, DateOnly date)
    {
        switch (formula)
        {
            case Formula.Number n:
                var constant = n.Value;
                return (Facts _, ref bool _) => constant;
            case Formula.Name { Key: var key } when program.Parameter(key) is not null:
                var value = parameters.ValueOn(key, date); // null when unset: the program cannot award yet
                return (Facts _, ref bool _) => value;
            case Formula.Name { Key: var key }:
                return (Facts f, ref bool _) => f.Number(key);
            case Formula.Binary b:
                var (left, right, op) = (Compile(b.Left, program, parameters, date), Compile(b.Right, program, parameters, date), b.Operator);
                return (Facts f, ref bool divisionByZero) =>
                {
                    var l = left(f, ref divisionByZero);
                    var r = right(f, ref divisionByZero);
                    if (l is null || r is null)
                    {
                        return null;
                    }

                    if (op == '/' && r == 0)
                    {
                        divisionByZero = true;
                        return null;
                    }

                    return op switch { '+' => l + r, '-' => l - r, '*' => l * r, _ => l / r };
                };
            case Formula.Call c:
                var arguments = c.Arguments.Select(a => Compile(a, program, parameters, date)).ToArray();
                var min = c.Function == "min";
                return (Facts f, ref bool divisionByZero) =>
                {
                    decimal? result = null;
                    var missing = false;
                    foreach (var argument in arguments)
                    {
                        var v = argument(f, ref divisionByZero);
                        missing |= v is null;
                        if (v is { } x)
                        {
                            result = result is not { } r ? x : min ? Math.Min(r, x) : Math.Max(r, x);
                        }
                    }

                    return missing ? null : result;
                };
            default:
                throw new InvalidOperationException($"unknown formula node {formula.GetType().Name}");
        }
    }
}
