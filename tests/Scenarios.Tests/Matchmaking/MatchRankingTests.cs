using Funeng.Scenarios.Matchmaking;

namespace Funeng.Scenarios.Tests.Matchmaking;

public sealed class MatchRankingTests
{
    [Fact]
    public void Sector_city_and_track_record_lift_a_nearly_equal_text_match_and_each_is_a_reason()
    {
        var strongText = new MatchCandidate(Guid.NewGuid(), 10f, false, false, [], 0);
        var local = new MatchCandidate(Guid.NewGuid(), 9.5f, true, true, ["specialised_sme"], 1);
        var ranked = MatchRanking.Rank([strongText, local]);
        Assert.Equal(local.Id, ranked[0].Candidate.Id);
        Assert.Equal(["terms", "sector", "city", "qualification:specialised_sme", "past_awards"], ranked[0].Reasons);
        Assert.Equal(["terms"], ranked[1].Reasons);
        Assert.Equal(MatchRanking.TextWeight, ranked[1].Score, 4);
    }

    [Fact]
    public void A_clearly_better_text_match_outranks_every_other_signal()
    {
        var strongText = new MatchCandidate(Guid.NewGuid(), 10f, false, false, [], 0);
        var local = new MatchCandidate(Guid.NewGuid(), 8f, true, true, ["specialised_sme"], 3);
        Assert.Equal(strongText.Id, MatchRanking.Rank([local, strongText])[0].Candidate.Id);
    }

    [Fact]
    public void With_nothing_else_to_go_on_text_relevance_decides() =>
        Assert.Equal([3f, 2f, 1f], MatchRanking.Rank([new(Guid.NewGuid(), 1f, false, false, [], 0), new(Guid.NewGuid(), 3f, false, false, [], 0), new(Guid.NewGuid(), 2f, false, false, [], 0)]).Select(r => r.Candidate.TextScore));
}
