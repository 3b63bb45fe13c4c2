using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;

namespace Funeng.Scenarios.Matchmaking;

/// <summary>The two sides of an approach: the scenario's owning organisation and the supplier organisation.</summary>
internal enum ApproachSide
{
    Owner,
    Supplier,
}

internal enum ApproachDecision
{
    Accept,
    Decline,
    Withdraw,
}

/// <summary>
/// Who may answer an approach: the side that did not start it accepts or declines; the side that started it may
/// withdraw it; only an open approach can change.
/// </summary>
internal static class ApproachRules
{
    public static ApproachSide Initiator(ApproachKind kind) => kind == ApproachKind.Interest ? ApproachSide.Supplier : ApproachSide.Owner;

    public static ApproachStatus Decide(ApproachKind kind, ApproachStatus status, ApproachDecision decision, ApproachSide side)
    {
        if (status != ApproachStatus.Open)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.approach-answered", Label(kind), ProblemMessage.Of("scenarios.approaches.status." + status.ToString().ToLowerInvariant())), "status");
        }

        var initiator = Initiator(kind);
        if (decision == ApproachDecision.Withdraw)
        {
            return side == initiator ? ApproachStatus.Withdrawn
                : throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.approach-withdrawn-by-sender", Label(kind)), null, 403);
        }

        if (side == initiator)
        {
            throw new DomainRuleException(ProblemMessage.Of("scenarios.refusal.approach-answered-by-other-side", Label(kind)), null, 403);
        }

        return decision == ApproachDecision.Accept ? ApproachStatus.Accepted : ApproachStatus.Declined;
    }

    public static string Word(ApproachKind kind) => kind == ApproachKind.Interest ? "interest" : "invitation";

    /// <summary>The kind as the reader calls it (合作意向 / 对接邀请).</summary>
    public static ProblemMessage Label(ApproachKind kind) => ProblemMessage.Of("scenarios.approaches.kind." + Word(kind));
}
