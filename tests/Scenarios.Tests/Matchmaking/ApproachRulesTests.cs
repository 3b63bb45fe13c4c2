using Funeng.Kernel.Web;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Tests.Matchmaking;

public sealed class ApproachRulesTests
{
    [Theory]
    [InlineData(nameof(ApproachKind.Interest), nameof(ApproachDecision.Accept), nameof(ApproachSide.Owner), nameof(ApproachStatus.Accepted))]
    [InlineData(nameof(ApproachKind.Interest), nameof(ApproachDecision.Decline), nameof(ApproachSide.Owner), nameof(ApproachStatus.Declined))]
    [InlineData(nameof(ApproachKind.Interest), nameof(ApproachDecision.Withdraw), nameof(ApproachSide.Supplier), nameof(ApproachStatus.Withdrawn))]
    [InlineData(nameof(ApproachKind.Invitation), nameof(ApproachDecision.Accept), nameof(ApproachSide.Supplier), nameof(ApproachStatus.Accepted))]
    [InlineData(nameof(ApproachKind.Invitation), nameof(ApproachDecision.Decline), nameof(ApproachSide.Supplier), nameof(ApproachStatus.Declined))]
    [InlineData(nameof(ApproachKind.Invitation), nameof(ApproachDecision.Withdraw), nameof(ApproachSide.Owner), nameof(ApproachStatus.Withdrawn))]
    public void The_receiving_side_answers_and_the_sending_side_withdraws(string kind, string decision, string side, string expected) =>
        Assert.Equal(Enum.Parse<ApproachStatus>(expected), ApproachRules.Decide(Enum.Parse<ApproachKind>(kind), ApproachStatus.Open, Enum.Parse<ApproachDecision>(decision), Enum.Parse<ApproachSide>(side)));

    [Theory]
    [InlineData(nameof(ApproachKind.Interest), nameof(ApproachDecision.Accept), nameof(ApproachSide.Supplier))]
    [InlineData(nameof(ApproachKind.Invitation), nameof(ApproachDecision.Decline), nameof(ApproachSide.Owner))]
    [InlineData(nameof(ApproachKind.Interest), nameof(ApproachDecision.Withdraw), nameof(ApproachSide.Owner))]
    [InlineData(nameof(ApproachKind.Invitation), nameof(ApproachDecision.Withdraw), nameof(ApproachSide.Supplier))]
    public void The_wrong_side_is_refused_with_403(string kind, string decision, string side) =>
        Assert.Equal(403, Assert.Throws<DomainRuleException>(() => ApproachRules.Decide(Enum.Parse<ApproachKind>(kind), ApproachStatus.Open, Enum.Parse<ApproachDecision>(decision), Enum.Parse<ApproachSide>(side))).Status);

    [Theory]
    [InlineData(nameof(ApproachStatus.Accepted))]
    [InlineData(nameof(ApproachStatus.Declined))]
    [InlineData(nameof(ApproachStatus.Withdrawn))]
    public void An_answered_approach_cannot_change_again(string status)
    {
        var refused = Assert.Throws<DomainRuleException>(() => ApproachRules.Decide(ApproachKind.Interest, Enum.Parse<ApproachStatus>(status), ApproachDecision.Accept, ApproachSide.Owner));
        Assert.Equal(409, refused.Status);
        Assert.Equal("scenarios.refusal.approach-answered", refused.Description.Key);
    }
}
