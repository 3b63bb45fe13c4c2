using Funeng.Scenarios.Challenges;

namespace Funeng.Scenarios.Tests.Challenges;

public sealed class PanelRulesTests
{
    private static readonly Guid University = Guid.NewGuid();
    private static readonly Guid EnterpriseA = Guid.NewGuid();
    private static readonly Guid EnterpriseB = Guid.NewGuid();
    private static readonly EntryTeam EntryA = new(Guid.NewGuid(), [EnterpriseA]);
    private static readonly EntryTeam EntryAb = new(Guid.NewGuid(), [EnterpriseB, University]);

    [Fact]
    public void An_expert_from_a_submitting_organisation_is_excluded_even_as_a_partner()
    {
        var standing = PanelRules.Standing(University, [], [EntryA, EntryAb]);
        Assert.True(standing.Excluded);
        Assert.False(standing.Reviews(EntryA.EntryId));
    }

    [Fact]
    public void A_declared_conflict_with_a_submitting_organisation_excludes_the_expert_from_the_challenge()
    {
        var standing = PanelRules.Standing(Guid.NewGuid(), [new DeclaredConflict(EnterpriseA, null)], [EntryA, EntryAb]);
        Assert.True(standing.Excluded);
        Assert.Contains("declared", standing.ExcludedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bug_15_a_conflict_declaration_reveals_nothing_about_whether_the_organisation_entered()
    {
        var entered = PanelRules.Standing(Guid.NewGuid(), [new DeclaredConflict(EnterpriseA, null)], [EntryA]);
        var absent = PanelRules.Standing(Guid.NewGuid(), [new DeclaredConflict(Guid.NewGuid(), null)], [EntryA]);
        Assert.Equal(entered, absent with { ConflictedEntries = entered.ConflictedEntries });
        Assert.True(absent.Excluded);
    }

    [Fact]
    public void A_conflict_with_one_entry_removes_only_that_entry()
    {
        var standing = PanelRules.Standing(Guid.NewGuid(), [new DeclaredConflict(null, EntryA.EntryId)], [EntryA, EntryAb]);
        Assert.False(standing.Excluded);
        Assert.False(standing.Reviews(EntryA.EntryId));
        Assert.True(standing.Reviews(EntryAb.EntryId));
    }

    [Fact]
    public void An_entry_is_complete_only_when_every_reviewer_who_may_score_it_has()
    {
        var panel = new Dictionary<string, ExpertStanding>
        {
            ["liu"] = PanelRules.Standing(Guid.NewGuid(), [], [EntryA]),
            ["chen"] = PanelRules.Standing(Guid.NewGuid(), [new DeclaredConflict(null, EntryA.EntryId)], [EntryA]),
            ["wu"] = PanelRules.Standing(EnterpriseA, [], [EntryA]),
        };
        Assert.False(PanelRules.Complete(EntryA.EntryId, panel, new HashSet<string>()));
        Assert.True(PanelRules.Complete(EntryA.EntryId, panel, new HashSet<string> { "liu" }));
    }

    [Fact]
    public void An_entry_nobody_may_review_is_never_complete() =>
        Assert.False(PanelRules.Complete(EntryA.EntryId, new Dictionary<string, ExpertStanding> { ["wu"] = PanelRules.Standing(EnterpriseA, [], [EntryA]) }, new HashSet<string> { "wu" }));
}
