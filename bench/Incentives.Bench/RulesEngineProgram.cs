using System.Globalization;
using Funeng.Incentives.Rules;
using RulesEngine.Models;

namespace Funeng.Incentives.Bench;

/// <summary>An enterprise's facts as a typed object, the input Microsoft RulesEngine's expressions read.</summary>
public sealed class RuleFacts
{
    public string? City { get; set; }
    public string? Size { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public decimal? RdSpend { get; set; }
    public string? Sector { get; set; }
    public string? ProjectType { get; set; }
    public decimal? EligibleInvestment { get; set; }
    public string? FirstKind { get; set; }
    public bool? DeployedInScenario { get; set; }
    public bool? JointResearch { get; set; }
    public bool? InKeyCluster { get; set; }
    public bool? ComputeNeed { get; set; }
    public bool? Untrustworthy { get; set; }
    public List<RuleQualification>? Qualifications { get; set; }
}

/// <summary>A title held, with days as day numbers (RulesEngine's expression language compares them as integers).</summary>
public sealed record RuleQualification(string Code, int From, int? To);

/// <summary>The screening day, passed as the second rule parameter.</summary>
public sealed record RuleDay(int Day);

/// <summary>
/// The same program rules written for Microsoft RulesEngine: one workflow per program. Each condition becomes two
/// rules, "known" (the fact is present) and "check" (absent or satisfied), so that the three answers of the
/// platform — eligible, ineligible, unknown — can be read back and compared.
/// </summary>
internal static class RulesEngineProgram
{
    public const string KnownPrefix = "known:";

    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["city"] = nameof(RuleFacts.City), ["size"] = nameof(RuleFacts.Size), ["annual_revenue"] = nameof(RuleFacts.AnnualRevenue),
        ["rd_spend"] = nameof(RuleFacts.RdSpend), ["sector"] = nameof(RuleFacts.Sector), ["project_type"] = nameof(RuleFacts.ProjectType),
        ["eligible_investment"] = nameof(RuleFacts.EligibleInvestment), ["first_kind"] = nameof(RuleFacts.FirstKind),
        ["deployed_in_scenario"] = nameof(RuleFacts.DeployedInScenario), ["joint_research"] = nameof(RuleFacts.JointResearch),
        ["in_key_cluster"] = nameof(RuleFacts.InKeyCluster), ["compute_need"] = nameof(RuleFacts.ComputeNeed),
        ["untrustworthy"] = nameof(RuleFacts.Untrustworthy), ["qualifications"] = nameof(RuleFacts.Qualifications),
    };

    public static Workflow Translate(IncentiveProgram program, ParameterTimeline parameters, DateOnly date)
    {
        var rules = new List<Rule>
        {
            Known(FactCatalog.UntrustworthyKey),
            Check(EligibilityEngine.Untrustworthy, "f.Untrustworthy != true"),
            Check(EligibilityEngine.OutsideWindow, Window(program)),
        };
        foreach (var condition in program.Conditions)
        {
            rules.Add(Known(condition.Fact));
            rules.Add(Check(condition.Id, Expression(condition, parameters, date)));
        }

        // The formula's facts: without them no amount, so the answer is "unknown: needs X".
        foreach (var name in program.Maximum.Names().Where(n => program.Parameter(n) is null && Properties.ContainsKey(n)).Distinct())
        {
            rules.Add(Known(name));
        }

        return new Workflow { WorkflowName = program.Id, Rules = rules };
    }

    /// <summary>Reads RulesEngine's rule results back into the platform's three answers.</summary>
    public static EligibilityOutcome Outcome(IEnumerable<RuleResultTree> results)
    {
        var unknown = false;
        foreach (var result in results.Where(r => !r.IsSuccess))
        {
            if (!result.Rule.RuleName.StartsWith(KnownPrefix, StringComparison.Ordinal))
            {
                return EligibilityOutcome.Ineligible;
            }

            unknown = true;
        }

        return unknown ? EligibilityOutcome.Unknown : EligibilityOutcome.Eligible;
    }

    public static RuleFacts Input(FactValues facts)
    {
        string? Text(string key) => facts.Values.GetValueOrDefault(key);
        decimal? Money(string key) => Text(key) is { } t ? decimal.Parse(t, CultureInfo.InvariantCulture) : null;
        bool? Flag(string key) => Text(key) is { } t ? t == "true" : null;
        return new RuleFacts
        {
            City = Text("city"), Size = Text("size"), AnnualRevenue = Money("annual_revenue"), RdSpend = Money("rd_spend"), Sector = Text("sector"),
            ProjectType = Text("project_type"), EligibleInvestment = Money("eligible_investment"), FirstKind = Text("first_kind"),
            DeployedInScenario = Flag("deployed_in_scenario"), JointResearch = Flag("joint_research"), InKeyCluster = Flag("in_key_cluster"),
            ComputeNeed = Flag("compute_need"), Untrustworthy = Flag("untrustworthy"),
            Qualifications = facts.Values.ContainsKey("qualifications")
                ? facts.Qualifications.Select(q => new RuleQualification(q.Code, q.From.DayNumber, q.To?.DayNumber)).ToList()
                : null,
        };
    }

    private static string Expression(Condition condition, ParameterTimeline parameters, DateOnly date)
    {
        var property = "f." + Property(condition.Fact);
        var check = condition.Operator switch
        {
            ConditionOperator.Equals or ConditionOperator.In => string.Join(" || ", condition.Operands.Select(o => $"{property} == \"{o}\"")),
            ConditionOperator.Is => $"{property} == {condition.Operands[0]}",
            ConditionOperator.Holds => $"{property}.Any(q => q.Code == \"{condition.Operands[0]}\" && q.From <= d.Day && (q.To == null || d.Day <= q.To))",
            _ => $"{property} {(condition.Operator == ConditionOperator.AtLeast ? ">=" : "<=")} {Bound(condition.Operands[0], parameters, date)}",
        };
        return $"{property} == null || ({check})";
    }

    private static string Bound(string operand, ParameterTimeline parameters, DateOnly date)
    {
        var value = decimal.TryParse(operand, NumberStyles.Number, CultureInfo.InvariantCulture, out var literal) ? literal
            : parameters.ValueOn(operand, date) ?? throw new InvalidOperationException($"parameter {operand} is not set: the benchmark needs every bound set");
        return value.ToString(CultureInfo.InvariantCulture) + "M";
    }

    private static string Window(IncentiveProgram program)
    {
        var from = program.ValidFrom is { } f ? $"d.Day >= {f.DayNumber}" : "true";
        var to = program.ValidTo is { } t ? $"d.Day <= {t.DayNumber}" : "true";
        return $"{from} && {to}";
    }

    private static Rule Known(string fact) => new() { RuleName = KnownPrefix + fact, Expression = $"f.{Property(fact)} != null", RuleExpressionType = RuleExpressionType.LambdaExpression };

    private static Rule Check(string name, string expression) => new() { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression };

    private static string Property(string fact) =>
        Properties.GetValueOrDefault(fact) ?? throw new InvalidOperationException($"The benchmark has no RulesEngine property for fact '{fact}'.");
}
