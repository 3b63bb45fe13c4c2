using Funeng.Platform.Audit;

namespace Funeng.Platform.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        for (var i = 1; i <= length; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i,
                OccurredAt = new DateTimeOffset(2026, 11, 23, 10, 0, i, TimeSpan.Zero),
                Actor = "office",
                Action = "scenario.published",
                EntityType = "scenario",
                EntityId = $"s{i}",
                Details = "{}",
                PreviousHash = i == 1 ? AuditChain.GenesisHash : entries[^1].Hash,
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            entries.Add(entry);
        }

        return entries;
    }

    private static long? FirstBroken(IReadOnlyList<AuditEntry> entries)
    {
        AuditEntry? previous = null;
        foreach (var entry in entries)
        {
            if (AuditChain.Check(entry, previous) is not null)
            {
                return entry.Sequence;
            }

            previous = entry;
        }

        return null;
    }

    [Fact]
    public void An_untouched_chain_verifies() => Assert.Null(FirstBroken(Chain(5)));

    [Fact]
    public void A_changed_entry_is_named()
    {
        var chain = Chain(5);
        chain[2].Details = "{\"amount\":8000000}";
        Assert.Equal(3, FirstBroken(chain));
    }

    [Fact]
    public void A_removed_entry_breaks_the_chain_at_the_entry_after_it()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        Assert.Equal(3, FirstBroken(chain));
    }

    [Fact]
    public void A_rehashed_forgery_is_caught_by_the_next_entry()
    {
        var chain = Chain(5);
        chain[1].Actor = "mallory";
        chain[1].Hash = AuditChain.ComputeHash(chain[1]);
        Assert.Equal(3, FirstBroken(chain));
    }

    [Fact]
    public void The_hash_does_not_depend_on_field_boundaries()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        a.EntityType = "scen";
        a.EntityId = "arios1";
        b.EntityType = "scenarios";
        b.EntityId = "1";
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }
}
