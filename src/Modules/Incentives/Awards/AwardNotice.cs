using Funeng.Incentives.Data;
using Funeng.Incentives.Rules;
using Funeng.Kernel.Web;

namespace Funeng.Incentives.Awards;

/// <summary>Where an award stands in its public notice (公示): in notice, held by an objection, final, or withdrawn.</summary>
internal enum NoticeStage
{
    InNotice,
    Held,
    Final,
    Withdrawn,
}

/// <summary>
/// The rules of an award's public notice, pure. Every award (application, challenge result, benchmark designation)
/// opens a notice period of its program's <c>notice_days</c> from the decision. During it anyone signed in may
/// object; an open objection holds the award (also past the period's end) until the office resolves it; an
/// upheld objection withdraws it (the award is clawed back); with the period over and nothing open or upheld the
/// award is final. Modelled on a challenge's ranking notice (Scenarios' RunChallenge).
/// </summary>
internal static class AwardNotice
{
    public const string DaysParameter = "notice_days";

    public const int MaxObjectionLength = 4000;

    /// <summary>When the notice period ends: the program's <c>notice_days</c> on the decision date after the decision (none set: no notice).</summary>
    public static DateTimeOffset EndsAt(IncentiveProgram program, ParameterTimeline timeline, DateOnly decidedOn, DateTimeOffset decidedAt) =>
        program.Parameter(DaysParameter) is not null && timeline.ValueOn(DaysParameter, decidedOn) is { } days
            ? decidedAt.AddDays((double)days)
            : decidedAt;

    public static NoticeStage Stage(AwardStatus status, DateTimeOffset noticeEndsAt, bool objectionOpen, DateTimeOffset now) =>
        status == AwardStatus.ClawedBack ? NoticeStage.Withdrawn
        : objectionOpen ? NoticeStage.Held
        : now < noticeEndsAt ? NoticeStage.InNotice
        : NoticeStage.Final;

    /// <summary>An objection is taken only while the award is in notice or held, and must say what is wrong.</summary>
    public static void CheckObjection(NoticeStage stage, DateTimeOffset noticeEndsAt, DateTimeOffset now, string? text)
    {
        if (stage == NoticeStage.Withdrawn || now > noticeEndsAt)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-objection-outside-notice"), "text");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxObjectionLength)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-objection-text", MaxObjectionLength), "text", 422);
        }
    }

    /// <summary>A resolution is given once, with its reasons.</summary>
    public static void CheckResolution(AwardObjection objection, string? resolution)
    {
        if (objection.ResolvedAt is not null)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-objection-resolved-already"), "objectionId");
        }

        if (string.IsNullOrWhiteSpace(resolution) || resolution.Length > MaxObjectionLength)
        {
            throw new DomainRuleException(ProblemMessage.Of("incentives.refusal.award-objection-resolution"), "resolution", 422);
        }
    }

    public static string Word(NoticeStage stage) => stage switch
    {
        NoticeStage.InNotice => "in_notice",
        NoticeStage.Held => "held",
        NoticeStage.Final => "final",
        _ => "withdrawn",
    };
}
