using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Funeng.Kernel.Web;
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
    public static ProblemMessage? CheckHead(AuditHead? head, long count, string lastHash, byte[] key)
    {
        if (head is null)
        {
            return count == 0 ? null : ProblemMessage.Of("account.audit.problem.head-missing");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SignHead(head.Count, head.LastHash, key)), Encoding.ASCII.GetBytes(head.Signature)))
        {
            return ProblemMessage.Of("account.audit.problem.head-signature");
        }

        if (head.Count != count)
        {
            return ProblemMessage.Of("account.audit.problem.head-count", head.Count, count);
        }

        return head.LastHash != lastHash ? ProblemMessage.Of("account.audit.problem.head-last") : null;
    }

    private static string Mac(string canonical, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks one entry against its predecessor; returns why it is broken, or null.</summary>
    public static ProblemMessage? Check(AuditEntry entry, AuditEntry? previous, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var expectedSequence = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expectedSequence)
        {
            return ProblemMessage.Of("account.audit.problem.missing-entry", entry.Sequence, previous?.Sequence ?? 0);
        }

        var expectedPrevious = previous?.Hash ?? GenesisHash;
        if (entry.PreviousHash != expectedPrevious)
        {
            return ProblemMessage.Of("account.audit.problem.previous-hash");
        }

        return ComputeHash(entry, key) != entry.Hash ? ProblemMessage.Of("account.audit.problem.mac") : null;
    }
}
