using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;

namespace Funeng.Scenarios.Challenges;

/// <summary>What the step rules read of a challenge: its state, its published times and its objections.</summary>
internal sealed record ChallengeState(ChallengeStatus Status, DateTimeOffset Deadline, DateTimeOffset? NoticeEndsAt, int OpenObjections = 0, int UpheldObjections = 0)
{
    public static ChallengeState Of(Challenge c, IReadOnlyCollection<Objection> objections) =>
        new(c.Status, c.Deadline, c.NoticeEndsAt, objections.Count(o => o.ResolvedAt is null), objections.Count(o => o.Upheld == true));

    /// <summary>The same state read from the public view (an objection is unresolved while it has no verdict).</summary>
    public static ChallengeState Of(ChallengeView v) =>
        new(v.Status, v.Deadline, v.NoticeEndsAt, v.Objections.Count(o => o.Upheld is null), v.Objections.Count(o => o.Upheld == true));
}

/// <summary>
/// The answer to "may this step be taken now?": yes, or the refusal — and, when only time stands in the way, the
/// instant the step opens, which the page shows instead of the button.
/// </summary>
internal sealed record StepAllowance(ProblemMessage? Refusal, string? Field, int Status, DateTimeOffset? OpensAt)
{
    public static StepAllowance Yes { get; } = new(null, null, 200, null);

    public bool Allowed => Refusal is null;

    /// <summary>The use case's side: a refused step is a <see cref="DomainRuleException"/> with the same message the page would show.</summary>
    public void ThrowIfRefused()
    {
        if (Refusal is not null)
        {
            throw new DomainRuleException(Refusal, Field, Status);
        }
    }
}

/// <summary>
/// One function per challenge step, over plain values and the current instant: the use case that refuses a step and
/// the page that hides its button ask the same function, so the page never offers what the API refuses. Entries
/// are taken up to and including the deadline; closing before the deadline is an early close and needs a reason.
/// </summary>
internal static class ChallengeSteps
{
    public const int MaxReasonLength = 1000;

    public static StepAllowance Enter(ChallengeState s, DateTimeOffset now) =>
        s.Status == ChallengeStatus.Open && now <= s.Deadline
            ? StepAllowance.Yes
            : new(ProblemMessage.Of("scenarios.refusal.entries-closed", s.Deadline), "deadline", 409, null);

    public static StepAllowance AssignPanel(ChallengeState s) =>
        s.Status is ChallengeStatus.Open or ChallengeStatus.Reviewing
            ? StepAllowance.Yes
            : new(ProblemMessage.Of("scenarios.refusal.panel-change-only-before-ranking"), "expertUserIds", 409, null);

    /// <summary>Closing entries: once, while open. Before the deadline it is allowed but early (<see cref="ClosesEarly"/>).</summary>
    public static StepAllowance Close(ChallengeState s) => Expect(s, ChallengeStatus.Open, "closed");

    /// <summary>Whether closing now comes before the published deadline, and so needs a reason and is announced.</summary>
    public static bool ClosesEarly(ChallengeState s, DateTimeOffset now) => now < s.Deadline;

    /// <summary>The problem with the reason given for closing now, if any: required before the deadline, at most <see cref="MaxReasonLength"/> characters.</summary>
    public static FieldProblem? CloseReasonProblem(ChallengeState s, DateTimeOffset now, string? reason) =>
        (ClosesEarly(s, now) && string.IsNullOrWhiteSpace(reason)) || reason?.Trim().Length > MaxReasonLength
            ? FieldProblem.Of("reason", "scenarios.problem.close-early-reason", ChinaTime.Format(s.Deadline), MaxReasonLength)
            : null;

    /// <summary>Scoring happens while the challenge is under review: not before entries close, not after the ranking.</summary>
    public static StepAllowance Score(ChallengeStatus status) =>
        status == ChallengeStatus.Reviewing
            ? StepAllowance.Yes
            : new(ProblemMessage.Of("scenarios.refusal.entries-are-scored-only-while"), "status", 409, null);

    public static StepAllowance Advance(ChallengeState s) => Expect(s, ChallengeStatus.Reviewing, "advanced");

    public static StepAllowance Announce(ChallengeState s) => Expect(s, ChallengeStatus.Reviewing, "announced");

    /// <summary>Objections are taken during the notice period, up to and including its last instant.</summary>
    public static StepAllowance Object(ChallengeState s, DateTimeOffset now) =>
        s.Status == ChallengeStatus.Announced && now <= s.NoticeEndsAt
            ? StepAllowance.Yes
            : new(ProblemMessage.Of("scenarios.refusal.objections-are-taken-only-during"), "text", 409, null);

    /// <summary>The award: once the notice period has run out (from its last instant on), with every objection resolved and none upheld.</summary>
    public static StepAllowance Award(ChallengeState s, DateTimeOffset now)
    {
        var state = Expect(s, ChallengeStatus.Announced, "awarded");
        if (!state.Allowed)
        {
            return state;
        }

        if (s.NoticeEndsAt is { } ends && now < ends)
        {
            return new(ProblemMessage.Of("scenarios.refusal.award-waits-for-notice-period", ChinaTime.Format(ends)), "noticeEndsAt", 409, ends);
        }

        if (s.OpenObjections > 0)
        {
            return new(ProblemMessage.Of("scenarios.refusal.resolve-every-objection-before-award"), "objections", 409, null);
        }

        return s.UpheldObjections > 0
            ? new(ProblemMessage.Of("scenarios.refusal.objection-was-upheld-ranking-must"), "objections", 409, null)
            : StepAllowance.Yes;
    }

    private static StepAllowance Expect(ChallengeState s, ChallengeStatus status, string step) =>
        s.Status == status
            ? StepAllowance.Yes
            : new(ProblemMessage.Of("scenarios.refusal.challenge-state",
                ProblemMessage.Of("scenarios.challenge.status." + s.Status.ToString().ToLowerInvariant()), ProblemMessage.Of("scenarios.challenge.step." + step)), "status", 409, null);
}
