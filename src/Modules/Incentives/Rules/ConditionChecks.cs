using System.Collections.Frozen;
using System.Globalization;
using Funeng.Kernel.Web;
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
        var about = condition.Definition.Name;
        StepResult Explain(Explanation? why, StepResult result, ProblemMessage detail)
        {
            why!.Trace!.Add(new TraceStep(condition.Id, condition.Name, detail, result));
            return result;
        }

        switch (condition.Operator)
        {
            case ConditionOperator.Holds:
                var code = condition.Operands[0];
                var title = condition.Definition.Label(code);
                return (facts, why) =>
                {
                    if (facts.Qualifications is not { } held)
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, ProblemMessage.Of("incentives.trace.holds.unknown", title, Day(date)));
                    }

                    foreach (var q in held)
                    {
                        if (q.Code == code && q.HeldOn(date))
                        {
                            return why?.Trace is null ? StepResult.Pass
                                : Explain(why, StepResult.Pass, q.To is null
                                    ? ProblemMessage.Of("incentives.trace.holds.pass", title, Day(date), Day(q.From))
                                    : ProblemMessage.Of("incentives.trace.holds.pass-until", title, Day(date), Day(q.From), Day(q.To)));
                        }
                    }

                    return why?.Trace is null ? StepResult.Fail : Explain(why, StepResult.Fail, ProblemMessage.Of("incentives.trace.holds.fail", title, Day(date)));
                };
            case ConditionOperator.Equals or ConditionOperator.In:
                var allowed = condition.Operands.ToFrozenSet(StringComparer.Ordinal);
                var allowedLabels = condition.Operands.Select(condition.Definition.Label).ToList<object?>();
                return (facts, why) =>
                {
                    if (!facts.TryGet(fact, out var value))
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, ProblemMessage.Of("incentives.reason.needs", about));
                    }

                    var text = (string)value;
                    var ok = allowed.Contains(text);
                    return why?.Trace is null ? (ok ? StepResult.Pass : StepResult.Fail)
                        : Explain(why, ok ? StepResult.Pass : StepResult.Fail,
                            ProblemMessage.Of(ok ? "incentives.trace.in.pass" : "incentives.trace.in.fail", about, condition.Definition.Label(text), allowedLabels));
                };
            case ConditionOperator.Is:
                var required = condition.Operands[0];
                var expected = required == "true";
                return (facts, why) =>
                {
                    if (!facts.TryGet(fact, out var value))
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, ProblemMessage.Of("incentives.reason.needs", about));
                    }

                    var flag = (bool)value;
                    var result = flag == expected ? StepResult.Pass : StepResult.Fail;
                    return why?.Trace is null ? result
                        : Explain(why, result, ProblemMessage.Of("incentives.trace.is", about, condition.Definition.Label(flag ? "true" : "false"), condition.Definition.Label(required)));
                };
            default:
                var operand = condition.Operands[0];
                var bound = decimal.TryParse(operand, NumberStyles.Number, CultureInfo.InvariantCulture, out var literal) ? literal : parameters.ValueOn(operand, date);
                var atLeast = condition.Operator == ConditionOperator.AtLeast;
                return (facts, why) =>
                {
                    if (!facts.TryGet(fact, out var value))
                    {
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, ProblemMessage.Of("incentives.reason.needs", about));
                    }

                    if (bound is not { } b)
                    {
                        why?.MissingParameters.Add(operand);
                        return why?.Trace is null ? StepResult.Unknown : Explain(why, StepResult.Unknown, ProblemMessage.Of("incentives.trace.parameter-unset", operand, Day(date)));
                    }

                    var number = (decimal)value;
                    var passes = atLeast ? number >= b : number <= b;
                    return why?.Trace is null ? (passes ? StepResult.Pass : StepResult.Fail)
                        : Explain(why, passes ? StepResult.Pass : StepResult.Fail,
                            ProblemMessage.Of("incentives.trace.compare", about, Formula.Show(number), atLeast ? "≥" : "≤", operand, Formula.Show(b), YesNo(passes)));
                };
        }
    }
}
