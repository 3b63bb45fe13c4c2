using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Funeng.Platform.Tokens;
using Funeng.TestSupport;

namespace Funeng.Platform.Tests.Tokens;

public sealed class ApiTokenRulesTests
{
    private static readonly UiText Text = new([new UiStringSource(typeof(PlatformModule).Assembly)]);

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The message worded in both languages, each a text of its own (no missing-key marker, not the same words).</summary>

    [Theory]
    [InlineData("ci", null)]
    [InlineData("ci", ApiTokenRules.MinDaysValid)]
    [InlineData("ci", ApiTokenRules.MaxDaysValid)]
    public void A_named_token_within_the_lifetime_limits_is_accepted(string name, int? days) =>
        Assert.Empty(ApiTokenRules.Problems(name, days));

    [Theory]
    [InlineData("", 30, "name")]
    [InlineData("   ", 30, "name")]
    [InlineData(null, 30, "name")]
    [InlineData("ci", 0, "daysValid")]
    [InlineData("ci", ApiTokenRules.MaxDaysValid + 1, "daysValid")]
    public void A_refusal_names_its_field_with_a_message_in_both_languages(string? name, int? days, string field)
    {
        var problem = Assert.Single(ApiTokenRules.Problems(name, days));

        Assert.Equal(field, problem.Field);
        Assert.Null(WordedInBoth.Problem(Text, problem.Description));
    }

    [Fact]
    public void A_name_one_character_too_long_is_refused() =>
        Assert.Equal(["name"], ApiTokenRules.Problems(new string('n', ApiTokenRules.MaxName + 1), 30).Select(p => p.Field));

    [Fact]
    public void Without_an_account_there_are_no_tokens()
    {
        Assert.Equal("user-1", ApiTokenRules.Owner("user-1"));
        var refused = Assert.Throws<DomainRuleException>(() => ApiTokenRules.Owner(null));
        Assert.Equal(403, refused.Status);
        Assert.Null(WordedInBoth.Problem(Text, refused.Description));
    }

    [Fact]
    public void A_child_token_never_outlives_its_parent()
    {
        Assert.Equal(Now.AddDays(30), ApiTokenRules.ExpiresAt(Now, 30, parentExpiresAt: null));
        Assert.Equal(Now.AddDays(10), ApiTokenRules.ExpiresAt(Now, 30, parentExpiresAt: Now.AddDays(10)));
        Assert.Equal(Now.AddDays(30), ApiTokenRules.ExpiresAt(Now, 30, parentExpiresAt: Now.AddDays(300)));
    }

    [Fact]
    public void Revoking_a_token_ends_its_descendants_at_any_depth_and_nothing_else()
    {
        Guid parent = Guid.NewGuid(), child = Guid.NewGuid(), grandchild = Guid.NewGuid(), sibling = Guid.NewGuid(), other = Guid.NewGuid();
        (Guid, Guid?)[] owned = [(parent, null), (child, parent), (grandchild, child), (sibling, null), (other, sibling)];

        Assert.Equal([parent, child, grandchild], ApiTokenRules.WithDescendants(parent, owned));
        Assert.Equal([child, grandchild], ApiTokenRules.WithDescendants(child, owned));
    }

    [Fact]
    public void Parent_links_that_loop_end_each_token_once()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        Assert.Equal([a, b], ApiTokenRules.WithDescendants(a, [(a, b), (b, a)]));
    }
}
