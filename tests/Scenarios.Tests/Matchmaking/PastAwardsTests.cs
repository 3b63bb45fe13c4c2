using Funeng.Scenarios.Data;
using Funeng.Scenarios.Matchmaking;
using Funeng.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Scenarios.Tests.Matchmaking;

/// <summary>The past awards matchmaking weighs: the challenges each of a need's candidates has won, as a team member, read for those candidates only.</summary>
public abstract class PastAwardsTests(ITestApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_candidates_wins_are_counted_over_the_entries_it_was_a_member_of_and_no_one_elses_are_read()
    {
        var (lead, partner, loser, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScenariosDb>();
            // Won by lead with partner, won by lead alone, lost by loser to other, and one not yet decided (loser's entry).
            Won(db, Entry(db, lead, partner), Entry(db, loser));
            Won(db, Entry(db, lead));
            Won(db, Entry(db, other), Entry(db, loser));
            Undecided(db, Entry(db, loser));
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScenariosDb>();
            var counted = await FindMatches.PastAwardsAsync(db, [lead, partner, loser, Guid.NewGuid()], Ct);
            Assert.Equal(new Dictionary<Guid, int> { [lead] = 2, [partner] = 1 }, counted);
            Assert.Empty(await FindMatches.PastAwardsAsync(db, [], Ct));
        }
    }

    private static Entry Entry(ScenariosDb db, params Guid[] members)
    {
        var entry = new Entry
        {
            Id = Guid.NewGuid(),
            Label = "E",
            Title = "方案",
            LeadOrganisationId = members[0],
            SubmittedByUserId = "user",
            SubmittedAt = DateTimeOffset.UtcNow,
            Members = [.. members.Select(m => new EntryMember { OrganisationId = m })],
        };
        db.Add(entry);
        return entry;
    }

    private static void Won(ScenariosDb db, Entry winner, params Entry[] others) =>
        Challenge(db, ChallengeStatus.Awarded, winner.Id, [winner, .. others]);

    private static void Undecided(ScenariosDb db, params Entry[] entries) => Challenge(db, ChallengeStatus.Reviewing, null, entries);

    private static void Challenge(ScenariosDb db, ChallengeStatus status, Guid? winner, Entry[] entries)
    {
        var challenge = new Challenge { Id = Guid.NewGuid(), Title = "揭榜", Status = status, CreatedAt = DateTimeOffset.UtcNow, Deadline = DateTimeOffset.UtcNow, WinnerEntryId = winner };
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i].ChallengeId = challenge.Id;
            entries[i].Label = $"E{i + 1}";
            entries[i].Members.ForEach(m => (m.ChallengeId, m.EntryId) = (challenge.Id, entries[i].Id));
        }

        db.Add(challenge);
    }
}

public sealed class PastAwardsOnSqlite(ScenariosSqliteApp app) : PastAwardsTests(app), IClassFixture<ScenariosSqliteApp>;

public sealed class PastAwardsOnPostgres(ScenariosPostgresApp app) : PastAwardsTests(app), IClassFixture<ScenariosPostgresApp>;
