using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;

namespace Funeng.Scenarios.Cases;

/// <summary>
/// Who may write up a case and designate a benchmark, and what a case must hold. Pure rules over plain values,
/// tested without a host; every refusal names its field and a <c>strings.json</c> message.
/// </summary>
internal static class CaseRules
{
    /// <summary>Size limits of a case's fields; the messages <c>scenarios.problem.case-*</c> state them.</summary>
    public const int MaxTitle = 200, MaxSummary = 4_000, MaxOutcomeName = 200, MaxUnit = 32;

    /// <summary>Only a member of the scenario's owning organisation or office staff (who may act on it) write up its case.</summary>
    public static void RequireWriter(bool mayActOnScenario)
    {
        if (!mayActOnScenario)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-owning-organisation-office-staff"), null, 403);
        }
    }

    /// <summary>Only a delivered scenario becomes a case.</summary>
    public static void RequireDelivered(ScenarioStatus status)
    {
        if (status != ScenarioStatus.Delivered)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.case-needs-delivered", ProblemMessage.Of("scenarios.status." + ScenarioLifecycle.Word(status))), "status");
        }
    }

    /// <summary>A scenario has one case at most.</summary>
    public static void RequireNoCaseYet(bool hasCase)
    {
        if (hasCase)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.scenario-already-has-case"), "scenarioId");
        }
    }

    /// <summary>The problems of a case as written, by field (<c>title</c>, <c>summary</c>, <c>outcomes</c>); empty when it can be saved.</summary>
    public static List<FieldProblem> Problems(CreateCaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > MaxTitle)
        {
            problems.Add(FieldProblem.Of("title", "scenarios.problem.case-title"));
        }

        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Length > MaxSummary)
        {
            problems.Add(FieldProblem.Of("summary", "scenarios.problem.case-summary"));
        }

        var outcomes = request.Outcomes ?? [];
        if (outcomes.Count == 0 || outcomes.Any(o => o is null || string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > MaxOutcomeName || (o.Unit?.Length ?? 0) > MaxUnit))
        {
            problems.Add(FieldProblem.Of("outcomes", "scenarios.problem.case-outcomes"));
        }

        return problems;
    }

    /// <summary>Only office staff designate a benchmark case.</summary>
    public static void RequireDesignator(bool isOffice)
    {
        if (!isOffice)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.only-office-staff-designate-benchmark"), null, 403);
        }
    }

    /// <summary>A case is designated once.</summary>
    public static void RequireNotYetBenchmark(int? benchmarkYear)
    {
        if (benchmarkYear is not null)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.case-already-benchmark-case"), "id");
        }
    }

    /// <summary>The reasons recorded with a designation's award when the office gives none.</summary>
    public static ProblemMessage DefaultAwardReasons(string caseTitle) => ProblemMessage.Of("scenarios.cases.award-reasons", caseTitle);
}
