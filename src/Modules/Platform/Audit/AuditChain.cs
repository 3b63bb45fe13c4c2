using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Funeng.Platform.Data;

namespace Funeng.Platform.Audit;

/// <summary>
/// The MAC rule of the audit chain, as pure functions. Each entry's hash is an HMAC-SHA256 with the audit key
/// (<see cref="AuditKey"/>) over its fields and the previous entry's hash: without the key, a rewritten chain
/// cannot be made to verify, even by recomputing every link.
/// </summary>
internal static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// HMAC-SHA256 over the entry's fields and the previous hash, serialised as a JSON array so that no two
    /// different entries share a canonical form.
    /// </summary>
    public static string ComputeHash(AuditEntry entry, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence,
            entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.ActorUserId,
            entry.OrganisationId?.ToString(),
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            entry.Details,
            entry.PreviousHash,
        });
        return Mac(canonical, key);
    }

    /// <summary>The head's signature: a MAC over the entry count and the last entry's hash.</summary>
    public static string SignHead(long count, string lastHash, byte[] key) =>
        Mac(JsonSerializer.Serialize(new object[] { "funeng-audit-head", count, lastHash }), key);

    /// <summary>Checks the signed head against the chain as read; returns why it does not match, or null.</summary>
    public static string? CheckHead(AuditHead? head, long count, string lastHash, byte[] key)
    {
        if (head is null)
        {
            return count == 0 ? null : "the signed head is missing";
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SignHead(head.Count, head.LastHash, key)), Encoding.ASCII.GetBytes(head.Signature)))
        {
            return "the head's signature is wrong (it was written without the audit key)";
        }

        if (head.Count != count)
        {
            return $"the signed head counts {head.Count} entries but {count} are stored: entries were removed from the end";
        }

        return head.LastHash != lastHash ? "the last entry is not the one the signed head names" : null;
    }

    private static string Mac(string canonical, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks one entry against its predecessor; returns why it is broken, or null.</summary>
    public static string? Check(AuditEntry entry, AuditEntry? previous, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expectedSequence)
        {
            return $"sequence {entry.Sequence} follows {previous?.Sequence ?? 0}: an entry is missing";
        }

        var expectedPrevious = previous?.Hash ?? GenesisHash;
        if (entry.PreviousHash != expectedPrevious)
        {
            return "its previous-hash does not match the entry before it";
        }

        return ComputeHash(entry, key) != entry.Hash ? "its content does not match its MAC (it was changed, or written without the audit key)" : null;
    }
}
