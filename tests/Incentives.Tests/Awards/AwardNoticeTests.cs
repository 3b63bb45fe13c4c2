using Funeng.Incentives.Awards;
using Funeng.Incentives.Data;
using Funeng.Kernel.Web;

namespace Funeng.Incentives.Tests.Awards;

/// <summary>The notice rules without a host: in notice, held by an open objection, final after the period, withdrawn when clawed back.</summary>
public sealed class AwardNoticeTests
{
    private static readonly DateTimeOffset Ends = new(2026, 6, 8, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Committed", -1, false, "InNotice")]
    [InlineData("Committed", -1, true, "Held")]
    [InlineData("Committed", 1, true, "Held")]
    [InlineData("Committed", 1, false, "Final")]
    [InlineData("Paid", 0, false, "Final")]
    [InlineData("ClawedBack", -1, true, "Withdrawn")]
    public void An_awards_stage_follows_the_clock_its_objections_and_its_status(string status, int hoursAfterEnd, bool objectionOpen, string expected) =>
        Assert.Equal(Enum.Parse<NoticeStage>(expected), AwardNotice.Stage(Enum.Parse<AwardStatus>(status), Ends, objectionOpen, Ends.AddHours(hoursAfterEnd)));

    [Fact]
    public void An_objection_after_the_notice_period_or_without_text_is_refused()
    {
        var late = Assert.Throws<DomainRuleException>(() => AwardNotice.CheckObjection(NoticeStage.Final, Ends, Ends.AddMinutes(1), "late"));
        Assert.Equal(("text", 409), (late.Field, late.Status));
        var empty = Assert.Throws<DomainRuleException>(() => AwardNotice.CheckObjection(NoticeStage.InNotice, Ends, Ends.AddDays(-1), " "));
        Assert.Equal(422, empty.Status);
        AwardNotice.CheckObjection(NoticeStage.InNotice, Ends, Ends.AddDays(-1), "The figures were misread.");
    }
}
