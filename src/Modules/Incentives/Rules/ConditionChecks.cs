using System.Collections.Frozen;
using System.Globalization;
using static Funeng.Incentives.Rules.EligibilityEngine;

namespace Funeng.Incentives.Rules;

/// <summary>One eligibility condition compiled for a date: its result for one applicant's facts, explained when <paramref name="why"/> is given.</summary>
internal delegate StepResult ConditionCheck(Facts facts, Explanation? why);

/// <summary>
/// Each condition operator once: the check and the sentence that explains it side by side, so the answer and its
/// explanation cannot drift apart. Operands are resolved when the program is compiled, not per applicant.
/// </summary>
internal static class ConditionChecks
{
    public static ConditionCheck Compile(Condition condition, ParameterTimeline parameters, DateOnly date)
    {
        var fact = condition.Fact;
        StepResult Explain(Explanation? why, StepResult result, string detail)
        {
            why!.Trace!.Add(new TraceStep(condition.Id, condition.Name, detail, result));
            return result;
        }

        switch (condition.Operator)
        {
            case ConditionOperator.Holds:
                var code = condition.Operands[0];
                return (facts, why) =>
                {
                    if (facts.Qualifications is not { } held)
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, $"needs qualifications (holds {code} on {Day(date)}?)");
                    }

                    foreach (var q in held)
                    {
                        if (q.Code == code && q.HeldOn(date))
                        {
                            return why?.Trace is null ? StepResult.Pass
                                : Explain(why, StepResult.Pass, $"{code} held on {Day(date)} (from {Day(q.From)}{(q.To is null ? "" : " to " + Day(q.To))})");
                        }
                    }

                    return why?.Trace is null ? StepResult.Fail : Explain(why, StepResult.Fail, $"{code} not held on {Day(date)}");
                };
            case ConditionOperator.Equals or ConditionOperator.In:
                var allowed = condition.Operands.ToFrozenSet(StringComparer.Ordinal);
                return (facts, why) =>
                {
                    if (!facts.TryGet(fact, out var value))
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, $"needs {fact}");
                    }

                    var text = (string)value;
                    var ok = allowed.Contains(text);
                    return why?.Trace is null ? (ok ? StepResult.Pass : StepResult.Fail)
                        : Explain(why, ok ? StepResult.Pass : StepResult.Fail, $"{fact} = {text} {(ok ? "∈" : "∉")} {{{string.Join(", ", condition.Operands)}}}");
                };
            case ConditionOperator.Is:
                var required = condition.Operands[0];
                var expected = required == "true";
                return (facts, why) =>
                {
                    if (!facts.TryGet(fact, out var value))
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, $"needs {fact}");
                    }

                    var flag = (bool)value;
                    var result = flag == expected ? StepResult.Pass : StepResult.Fail;
                    return why?.Trace is null ? result : Explain(why, result, $"{fact} = {(flag ? "true" : "false")}, required {required}");
                };
            default:
                var operand = condition.Operands[0];
                var bound = decimal.TryParse(operand, NumberStyles.Number, CultureInfo.InvariantCulture, out var literal) ? literal : parameters.ValueOn(operand, date);
                var atLeast = condition.Operator == ConditionOperator.AtLeast;
                return (facts, why) =>
                {
                    if (!facts.TryGet(fact, out var value))
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, $"needs {fact}");
                    }

                    if (bound is not { } b)
                    {
                        why?.MissingParameters.Add(operand);
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, $"parameter {operand} is not set for {Day(date)}");
                    }

                    var number = (decimal)value;
                    var passes = atLeast ? number >= b : number <= b;
                    return why?.Trace is null ? (passes ? StepResult.Pass : StepResult.Fail)
                        : Explain(why, passes ? StepResult.Pass : StepResult.Fail,
                            $"{fact} = {Formula.Show(number)} {(atLeast ? "≥" : "≤")} {operand} = {Formula.Show(b)}: {(passes ? "yes" : "no")}");
                };
        }
    }
}
