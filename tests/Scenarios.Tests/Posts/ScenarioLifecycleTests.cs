using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Scenarios.Data;
using Funeng.Scenarios.Posts;

namespace Funeng.Scenarios.Tests.Posts;

public sealed class ScenarioLifecycleTests
{
    private static readonly ScenarioActor[] Owner = [ScenarioActor.Owner];
    private static readonly ScenarioActor[] Reviewer = [ScenarioActor.Reviewer];
    private static readonly UiText Text = new([new UiStringSource(typeof(ScenariosModule).Assembly)]);

    private static string Chinese(TransitionDecision decision) => decision.Refusal!.In(Text, CultureInfo.GetCultureInfo(UiCultures.Chinese));

    private static string English(TransitionDecision decision) => decision.Refusal!.In(Text, CultureInfo.GetCultureInfo(UiCultures.English));

    [Theory]
    [InlineData(ScenarioStatus.Draft, ScenarioAction.Submit, ScenarioStatus.Submitted)]
    [InlineData(ScenarioStatus.Returned, ScenarioAction.Submit, ScenarioStatus.Submitted)]
    [InlineData(ScenarioStatus.Published, ScenarioAction.Match, ScenarioStatus.Matched)]
    [InlineData(ScenarioStatus.Matched, ScenarioAction.StartDelivery, ScenarioStatus.InDelivery)]
    [InlineData(ScenarioStatus.InDelivery, ScenarioAction.Deliver, ScenarioStatus.Delivered)]
    [InlineData(ScenarioStatus.Draft, ScenarioAction.Close, ScenarioStatus.Closed)]
    [InlineData(ScenarioStatus.InDelivery, ScenarioAction.Close, ScenarioStatus.Closed)]
    internal void The_owner_moves_a_scenario_along_the_table(ScenarioStatus from, ScenarioAction action, ScenarioStatus to)
    {
        var decision = ScenarioLifecycle.Decide(from, action, Owner);
        Assert.True(decision.Allowed, decision.Refusal?.ToString());
        Assert.Equal(to, decision.To);
    }

    [Theory]
    [InlineData(ScenarioStatus.Submitted, ScenarioAction.Publish, ScenarioStatus.Published)]
    [InlineData(ScenarioStatus.Submitted, ScenarioAction.Return, ScenarioStatus.Returned)]
    [InlineData(ScenarioStatus.Published, ScenarioAction.Close, ScenarioStatus.Closed)]
    internal void A_reviewer_publishes_returns_and_closes(ScenarioStatus from, ScenarioAction action, ScenarioStatus to) =>
        Assert.Equal(to, ScenarioLifecycle.Decide(from, action, Reviewer).To);

    [Theory]
    [InlineData(ScenarioStatus.Draft, ScenarioAction.Publish)]
    [InlineData(ScenarioStatus.Published, ScenarioAction.Submit)]
    [InlineData(ScenarioStatus.Delivered, ScenarioAction.Close)]
    [InlineData(ScenarioStatus.Closed, ScenarioAction.Submit)]
    [InlineData(ScenarioStatus.Submitted, ScenarioAction.Deliver)]
    internal void Moves_not_in_the_table_are_refused_as_conflicts_that_name_both_states(ScenarioStatus from, ScenarioAction action)
    {
        var decision = ScenarioLifecycle.Decide(from, action, [ScenarioActor.Owner, ScenarioActor.Reviewer]);
        Assert.False(decision.Allowed);
        Assert.Equal(409, decision.Status);
        Assert.Contains(Text.Get("scenarios.status." + ScenarioLifecycle.Word(from), CultureInfo.GetCultureInfo(UiCultures.Chinese)), Chinese(decision), StringComparison.Ordinal);
        Assert.Contains(Text.Get("scenarios.status." + ScenarioLifecycle.Word(from), CultureInfo.GetCultureInfo(UiCultures.English)), English(decision), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_move_is_told_in_Chinese_with_the_states_and_steps_the_pages_show()
    {
        Assert.Equal("状态为“草稿”的场景不能执行“标记为已交付”。此状态下可执行：提交审核、关闭。",
            Chinese(ScenarioLifecycle.Decide(ScenarioStatus.Draft, ScenarioAction.Deliver, Owner)));
        Assert.Equal("状态为“已关闭”的场景不能执行“提交审核”：“已关闭”是最终状态。",
            Chinese(ScenarioLifecycle.Decide(ScenarioStatus.Closed, ScenarioAction.Submit, Owner)));
        Assert.Equal("只有省、市主管部门工作人员可以对本场景执行“发布”。",
            Chinese(ScenarioLifecycle.Decide(ScenarioStatus.Submitted, ScenarioAction.Publish, Owner)));
    }

    [Fact]
    public void An_owner_cannot_publish_their_own_scenario()
    {
        var decision = ScenarioLifecycle.Decide(ScenarioStatus.Submitted, ScenarioAction.Publish, Owner);
        Assert.Equal(403, decision.Status);
        Assert.Contains("office or city staff", English(decision), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reviewer_cannot_deliver_on_the_owners_behalf() =>
        Assert.Equal(403, ScenarioLifecycle.Decide(ScenarioStatus.InDelivery, ScenarioAction.Deliver, Reviewer).Status);

    [Fact]
    public void Delivered_and_closed_are_final() =>
        Assert.All([ScenarioStatus.Delivered, ScenarioStatus.Closed], s =>
            Assert.Empty(ScenarioLifecycle.Available(s, [ScenarioActor.Owner, ScenarioActor.Reviewer])));

    [Fact]
    public void Every_state_but_the_final_ones_can_be_reached_from_a_draft()
    {
        var reached = new HashSet<ScenarioStatus> { ScenarioStatus.Draft };
        var frontier = new Queue<ScenarioStatus>(reached);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var t in ScenarioLifecycle.Table.Where(t => t.From == state && reached.Add(t.To)))
            {
                frontier.Enqueue(t.To);
            }
        }

        Assert.Equal(Enum.GetValues<ScenarioStatus>().ToHashSet(), reached);
    }
}
