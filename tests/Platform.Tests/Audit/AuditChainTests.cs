using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Funeng.Platform.Audit;
using Funeng.Platform.Data;

namespace Funeng.Platform.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

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
            entry.Hash = AuditChain.ComputeHash(entry, Key);
            entries.Add(entry);
        }

        return entries;
    }

    private static long? FirstBroken(IReadOnlyList<AuditEntry> entries)
    {
        AuditEntry? previous = null;
        foreach (var entry in entries)
        {
            if (AuditChain.Check(entry, previous, Key) is not null)
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
        chain[1].Hash = AuditChain.ComputeHash(chain[1], Key);
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
        Assert.NotEqual(AuditChain.ComputeHash(a, Key), AuditChain.ComputeHash(b, Key));
    }

    [Fact]
    public void Bug_15_a_chain_rewritten_with_plain_sha256_does_not_verify()
    {
        // What the outside tester's script did: rewrite an entry, then recompute every link with unkeyed SHA-256.
        var chain = Chain(4);
        chain[1].Details = "{\"amount\":8000000}";
        var previous = AuditChain.GenesisHash;
        foreach (var entry in chain)
        {
            entry.PreviousHash = previous;
            entry.Hash = PlainSha256(entry);
            previous = entry.Hash;
        }

        Assert.Equal(1, FirstBroken(chain));
        Assert.NotNull(AuditChain.CheckHead(new AuditHead { Count = 4, LastHash = previous, Signature = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous))) }, 4, previous, Key));
    }

    [Fact]
    public void A_chain_made_with_another_key_does_not_verify()
    {
        var chain = Chain(3);
        var otherKey = RandomNumberGenerator.GetBytes(32);
        Assert.NotNull(AuditChain.Check(chain[0], null, otherKey));
    }

    [Fact]
    public void Bug_15_removing_the_last_entry_is_caught_by_the_signed_head()
    {
        var chain = Chain(5);
        var head = new AuditHead { Count = 5, LastHash = chain[^1].Hash, Signature = AuditChain.SignHead(5, chain[^1].Hash, Key) };
        Assert.Null(AuditChain.CheckHead(head, 5, chain[^1].Hash, Key));

        chain.RemoveAt(4);
        Assert.Null(FirstBroken(chain)); // the links alone cannot see it
        Assert.Equal("account.audit.problem.head-count", AuditChain.CheckHead(head, 4, chain[^1].Hash, Key)?.Key);
    }

    [Fact]
    public void A_head_rewritten_without_the_key_is_refused()
    {
        var chain = Chain(5);
        chain.RemoveAt(4);
        var forged = new AuditHead { Count = 4, LastHash = chain[^1].Hash, Signature = AuditChain.SignHead(4, chain[^1].Hash, RandomNumberGenerator.GetBytes(32)) };
        Assert.Equal("account.audit.problem.head-signature", AuditChain.CheckHead(forged, 4, chain[^1].Hash, Key)?.Key);
    }

    [Fact]
    public void A_missing_head_is_refused_unless_the_log_is_empty()
    {
        Assert.Null(AuditChain.CheckHead(null, 0, AuditChain.GenesisHash, Key));
        Assert.NotNull(AuditChain.CheckHead(null, 3, Chain(3)[^1].Hash, Key));
    }

    private static string PlainSha256(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence,
            entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            entry.Actor, entry.ActorUserId, entry.OrganisationId?.ToString(), entry.Action, entry.EntityType, entry.EntityId, entry.Details, entry.PreviousHash,
        }))));
}
