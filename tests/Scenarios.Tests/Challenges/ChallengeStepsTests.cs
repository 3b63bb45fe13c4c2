using Funeng.Scenarios.Challenges;
using Funeng.Scenarios.Data;

namespace Funeng.Scenarios.Tests.Challenges;

/// <summary>
/// Issue 14 item 4: each challenge step asked of the one rule the page and the API share, at its boundary times —
/// exactly at the deadline or the end of the notice period, and one second before.
/// </summary>
public sealed class ChallengeStepsTests
{
    // 2027-01-10 17:00 China Standard Time.
    private static readonly DateTimeOffset Deadline = new(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);

    // 2027-01-17 17:00 China Standard Time.
    private static readonly DateTimeOffset NoticeEnds = new(2027, 1, 17, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static ChallengeState Open => new(ChallengeStatus.Open, Deadline, null);

    private static ChallengeState Announced(int open = 0, int upheld = 0) => new(ChallengeStatus.Announced, Deadline, NoticeEnds, open, upheld);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Entries_are_taken_up_to_and_including_the_deadline(int secondsAfterDeadline, bool allowed) =>
        Assert.Equal(allowed, ChallengeSteps.Enter(Open, Deadline + (secondsAfterDeadline * Second)).Allowed);

    [Theory]
    [InlineData(ChallengeStatus.Reviewing)]
    [InlineData(ChallengeStatus.Announced)]
    [InlineData(ChallengeStatus.Awarded)]
    internal void No_entry_once_entries_are_closed_even_before_the_deadline(ChallengeStatus status)
    {
        var refused = ChallengeSteps.Enter(new ChallengeState(status, Deadline, null), Deadline - Second);

        Assert.Equal(("scenarios.refusal.entries-closed", "deadline", 409), (refused.Refusal?.Key, refused.Field, refused.Status));
        Assert.Null(refused.OpensAt);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void Closing_before_the_deadline_is_early_and_at_the_deadline_it_is_not(int secondsAfterDeadline, bool early) =>
        Assert.Equal(early, ChallengeSteps.ClosesEarly(Open, Deadline + (secondsAfterDeadline * Second)));

    [Fact]
    public void Closing_one_second_before_the_deadline_without_a_reason_names_the_reason_field()
    {
        var problem = ChallengeSteps.CloseReasonProblem(Open, Deadline - Second, "  ");

        Assert.Equal(("reason", "scenarios.problem.close-early-reason"), (problem?.Location, problem?.Description.Key));
        Assert.Equal("2027-01-10 17:00", problem?.Description.Arguments[0]);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(0, "")]
    [InlineData(1, null)]
    [InlineData(-1, "The only scenario was withdrawn by its owner.")]
    public void Closing_at_or_after_the_deadline_or_with_a_reason_has_no_problem(int secondsAfterDeadline, string? reason) =>
        Assert.Null(ChallengeSteps.CloseReasonProblem(Open, Deadline + (secondsAfterDeadline * Second), reason));

    [Fact]
    public void A_reason_longer_than_the_limit_is_a_problem_even_after_the_deadline() =>
        Assert.NotNull(ChallengeSteps.CloseReasonProblem(Open, Deadline + Second, new string('因', ChallengeSteps.MaxReasonLength + 1)));

    [Theory]
    [InlineData(ChallengeStatus.Reviewing)]
    [InlineData(ChallengeStatus.Announced)]
    [InlineData(ChallengeStatus.Awarded)]
    internal void Entries_close_once(ChallengeStatus status)
    {
        var refused = ChallengeSteps.Close(new ChallengeState(status, Deadline, null));

        Assert.Equal(("scenarios.refusal.challenge-state", "status", 409), (refused.Refusal?.Key, refused.Field, refused.Status));
    }

    [Theory]
    [InlineData(ChallengeStatus.Open, false)]
    [InlineData(ChallengeStatus.Reviewing, true)]
    [InlineData(ChallengeStatus.Announced, false)]
    [InlineData(ChallengeStatus.Awarded, false)]
    internal void Scoring_happens_only_between_close_and_ranking(ChallengeStatus status, bool allowed) =>
        Assert.Equal(allowed, ChallengeSteps.Score(status).Allowed);

    [Theory]
    [InlineData(ChallengeStatus.Open, false)]
    [InlineData(ChallengeStatus.Reviewing, true)]
    [InlineData(ChallengeStatus.Announced, false)]
    internal void Entries_advance_and_the_ranking_is_announced_only_under_review(ChallengeStatus status, bool allowed)
    {
        var state = new ChallengeState(status, Deadline, null);

        Assert.Equal((allowed, allowed), (ChallengeSteps.Advance(state).Allowed, ChallengeSteps.Announce(state).Allowed));
    }

    [Theory]
    [InlineData(ChallengeStatus.Open, true)]
    [InlineData(ChallengeStatus.Reviewing, true)]
    [InlineData(ChallengeStatus.Announced, false)]
    [InlineData(ChallengeStatus.Awarded, false)]
    internal void The_panel_changes_only_before_the_ranking(ChallengeStatus status, bool allowed) =>
        Assert.Equal(allowed, ChallengeSteps.AssignPanel(new ChallengeState(status, Deadline, null)).Allowed);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Objections_are_taken_until_the_notice_period_ends(int secondsAfterNoticeEnds, bool allowed) =>
        Assert.Equal(allowed, ChallengeSteps.Object(Announced(), NoticeEnds + (secondsAfterNoticeEnds * Second)).Allowed);

    [Fact]
    public void The_award_one_second_before_the_notice_period_ends_is_refused_with_the_date_it_opens()
    {
        var refused = ChallengeSteps.Award(Announced(), NoticeEnds - Second);

        Assert.Equal(("scenarios.refusal.award-waits-for-notice-period", "noticeEndsAt", 409), (refused.Refusal?.Key, refused.Field, refused.Status));
        Assert.Equal(NoticeEnds, refused.OpensAt);
        Assert.Equal("2027-01-17 17:00", refused.Refusal?.Arguments[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void The_award_is_allowed_from_the_instant_the_notice_period_ends(int secondsAfterNoticeEnds) =>
        Assert.True(ChallengeSteps.Award(Announced(), NoticeEnds + (secondsAfterNoticeEnds * Second)).Allowed);

    [Theory]
    [InlineData(1, 0, "scenarios.refusal.resolve-every-objection-before-award")]
    [InlineData(0, 1, "scenarios.refusal.objection-was-upheld-ranking-must")]
    public void The_award_waits_for_objections_and_no_date_is_promised(int open, int upheld, string key)
    {
        var refused = ChallengeSteps.Award(Announced(open, upheld), NoticeEnds);

        Assert.Equal((key, "objections"), (refused.Refusal?.Key, refused.Field));
        Assert.Null(refused.OpensAt);
    }

    [Theory]
    [InlineData(ChallengeStatus.Reviewing)]
    [InlineData(ChallengeStatus.Awarded)]
    internal void The_award_is_made_once_and_only_after_the_ranking(ChallengeStatus status)
    {
        var refused = ChallengeSteps.Award(new ChallengeState(status, Deadline, NoticeEnds), NoticeEnds + Second);

        Assert.Equal(("scenarios.refusal.challenge-state", "status"), (refused.Refusal?.Key, refused.Field));
    }

    [Fact]
    public void Weights_are_stated_as_shares_of_the_total() =>
        Assert.Equal([60m, 40m], Scoring.WeightShares([3m, 2m]));

    [Fact]
    public void Weight_shares_round_to_one_decimal() =>
        Assert.Equal([33.3m, 33.3m, 33.3m], Scoring.WeightShares([1m, 1m, 1m]));
}
