using System.Globalization;
using Funeng.Kernel.Localization;

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
internal sealed record TraceStep(string Rule, LocalizedText? Name, string Detail, StepResult Result);

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
/// The rules engine: a pure function of a program, its parameters, the facts and a date. No I/O, so the
/// calculator, applications, approvals, the screening of every enterprise and the pack's cases all share it.
/// </summary>
internal static class EligibilityEngine
{
    public const string Untrustworthy = "untrustworthy";
    public const string OutsideWindow = "validity-window";
    public const string QuotaReached = "quota-reached";
    public const string EnterpriseCapReached = "enterprise-year-cap-reached";
    public const string ProgramCapReached = "program-year-cap-reached";

    public static ProgramVerdict Evaluate(IncentiveProgram program, ParameterTimeline parameters, Facts facts, DateOnly date, AwardHistory? history = null, bool trace = true)
    {
        var steps = trace ? new List<TraceStep>() : null;
        var failed = new List<string>();
        var needs = new List<string>();
        var missingParameters = new List<string>();

        if (!facts.TryGet(FactCatalog.UntrustworthyKey, out var listed))
        {
            needs.Add(FactCatalog.UntrustworthyKey);
            steps?.Add(new TraceStep(Untrustworthy, null, "untrustworthy-entity list: not answered", StepResult.Unknown));
        }
        else if (listed is true)
        {
            failed.Add(Untrustworthy);
            steps?.Add(new TraceStep(Untrustworthy, null, "on the untrustworthy-entity (失信) list: ineligible for every program", StepResult.Fail));
        }
        else
        {
            steps?.Add(new TraceStep(Untrustworthy, null, "not on the untrustworthy-entity list", StepResult.Pass));
        }

        var open = program.OpenOn(date);
        if (!open)
        {
            failed.Add(OutsideWindow);
        }

        steps?.Add(new TraceStep(OutsideWindow, null, $"{Day(date)} within {Day(program.ValidFrom) ?? "…"} – {Day(program.ValidTo) ?? "…"}: {(open ? "yes" : "no")}", open ? StepResult.Pass : StepResult.Fail));

        foreach (var condition in program.Conditions)
        {
            var (result, detail) = Check(condition, facts, parameters, date, missingParameters);
            steps?.Add(new TraceStep(condition.Id, condition.Name, detail, result));
            if (result == StepResult.Fail)
            {
                failed.Add(condition.Id);
            }
            else if (result == StepResult.Unknown && !needs.Contains(condition.Fact))
            {
                needs.Add(condition.Fact);
            }
        }

        decimal? amount = null;
        if (failed.Count == 0)
        {
            amount = Maximum(program, parameters, facts, date, history, steps, needs, missingParameters, failed);
        }

        var outcome = failed.Count > 0 ? EligibilityOutcome.Ineligible
            : needs.Count > 0 ? EligibilityOutcome.Unknown
            : EligibilityOutcome.Eligible;
        return new ProgramVerdict(program.Id, program.Name, program.Kind, outcome, outcome == EligibilityOutcome.Eligible ? amount : null,
            failed, needs, missingParameters, steps ?? []);
    }

    private static decimal? Maximum(IncentiveProgram program, ParameterTimeline parameters, Facts facts, DateOnly date, AwardHistory? history,
        List<TraceStep>? steps, List<string> needs, List<string> missingParameters, List<string> failed)
    {
        var missing = new List<string>();
        var formulaSteps = steps is null ? null : new List<string>();
        decimal? ValueOf(string name) => program.Parameter(name) is not null ? parameters.ValueOn(name, date) : facts.Number(name);
        var amount = program.Maximum.Evaluate(ValueOf, missing, formulaSteps);
        foreach (var name in missing)
        {
            (program.Parameter(name) is not null ? missingParameters : needs).Add(name);
            steps?.Add(new TraceStep("formula", null, program.Parameter(name) is not null
                ? $"parameter {name} is not set for {Day(date)}: the program cannot award until office staff set it"
                : $"needs {name}", StepResult.Unknown));
        }

        foreach (var line in formulaSteps ?? [])
        {
            steps!.Add(new TraceStep("formula", null, line, StepResult.Value));
        }

        if (amount is null)
        {
            return null;
        }

        amount = Cap(amount.Value, program.Caps.PerAward, 0m, "cap per award", parameters, date, steps, missingParameters);
        if (history is not null && amount is not null)
        {
            amount = Cap(amount.Value, program.Caps.PerEnterprisePerYear, history.EnterpriseYearTotal, "cap per enterprise per year", parameters, date, steps, missingParameters);
            amount = amount is null ? null : Cap(amount.Value, program.Caps.PerProgramPerYear, history.ProgramYearTotal, "cap per program per year", parameters, date, steps, missingParameters);
            if (program.Quota is not null && parameters.ValueOn(program.Quota, date) is { } quota)
            {
                var left = history.ProgramYearCount < quota;
                steps?.Add(new TraceStep(QuotaReached, null, $"awards this year {history.ProgramYearCount} < quota {program.Quota} = {Formula.Show(quota)}: {(left ? "yes" : "no")}", left ? StepResult.Pass : StepResult.Fail));
                if (!left)
                {
                    failed.Add(QuotaReached);
                }
            }

            if (amount is 0m)
            {
                failed.Add(history.EnterpriseYearTotal > 0 ? EnterpriseCapReached : ProgramCapReached);
            }
        }

        // Whole fen, rounded down: a rounded amount must never exceed the cap it was computed under.
        return amount is null ? null : Math.Floor(amount.Value * 100m) / 100m;
    }

    private static decimal? Cap(decimal amount, string? parameter, decimal used, string label, ParameterTimeline parameters, DateOnly date, List<TraceStep>? steps, List<string> missingParameters)
    {
        if (parameter is null)
        {
            return amount;
        }

        if (parameters.ValueOn(parameter, date) is not { } cap)
        {
            missingParameters.Add(parameter);
            steps?.Add(new TraceStep("cap", null, $"{label}: parameter {parameter} is not set for {Day(date)}", StepResult.Unknown));
            return null;
        }

        var room = Math.Max(0m, cap - used);
        var result = Math.Min(amount, room);
        var usedText = used > 0 ? $" − {Formula.Show(used)} already awarded" : "";
        steps?.Add(new TraceStep("cap", null, $"{label}: min({Formula.Show(amount)}, {parameter} = {Formula.Show(cap)}{usedText}) = {Formula.Show(result)}", StepResult.Value));
        return result;
    }

    private static (StepResult, string) Check(Condition condition, Facts facts, ParameterTimeline parameters, DateOnly date, List<string> missingParameters)
    {
        if (condition.Operator == ConditionOperator.Holds)
        {
            var code = condition.Operands[0];
            if (facts.Qualifications is null)
            {
                return (StepResult.Unknown, $"needs qualifications (holds {code} on {Day(date)}?)");
            }

            var held = facts.Qualifications.FirstOrDefault(q => q.Code == code && q.HeldOn(date));
            return held is null
                ? (StepResult.Fail, $"{code} not held on {Day(date)}")
                : (StepResult.Pass, $"{code} held on {Day(date)} (from {Day(held.From)}{(held.To is null ? "" : " to " + Day(held.To))})");
        }

        if (!facts.TryGet(condition.Fact, out var value))
        {
            return (StepResult.Unknown, $"needs {condition.Fact}");
        }

        switch (condition.Operator)
        {
            case ConditionOperator.Equals or ConditionOperator.In:
                var text = (string)value;
                var ok = condition.Operands.Contains(text);
                return (ok ? StepResult.Pass : StepResult.Fail, $"{condition.Fact} = {text} {(ok ? "∈" : "∉")} {{{string.Join(", ", condition.Operands)}}}");
            case ConditionOperator.Is:
                var expected = condition.Operands[0] == "true";
                var flag = (bool)value;
                return (flag == expected ? StepResult.Pass : StepResult.Fail, $"{condition.Fact} = {(flag ? "true" : "false")}, required {condition.Operands[0]}");
            default:
                var number = (decimal)value;
                var operand = condition.Operands[0];
                var bound = decimal.TryParse(operand, NumberStyles.Number, CultureInfo.InvariantCulture, out var literal) ? literal : parameters.ValueOn(operand, date);
                if (bound is null)
                {
                    missingParameters.Add(operand);
                    return (StepResult.Unknown, $"parameter {operand} is not set for {Day(date)}");
                }

                var passes = condition.Operator == ConditionOperator.AtLeast ? number >= bound : number <= bound;
                var sign = condition.Operator == ConditionOperator.AtLeast ? "≥" : "≤";
                return (passes ? StepResult.Pass : StepResult.Fail, $"{condition.Fact} = {Formula.Show(number)} {sign} {operand} = {Formula.Show(bound.Value)}: {(passes ? "yes" : "no")}");
        }
    }

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
