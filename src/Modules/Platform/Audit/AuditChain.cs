using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Funeng.Platform.Audit;

/// <summary>The hash rule of the audit chain, as pure functions.</summary>
internal static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 over the entry's fields and the previous hash, serialised as a JSON array so that no two
    /// different entries share a canonical form.
    /// </summary>
    public static string ComputeHash(AuditEntry entry)
    {
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks one entry against its predecessor; returns why it is broken, or null.</summary>
    public static string? Check(AuditEntry entry, AuditEntry? previous)
    {
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

        return ComputeHash(entry) != entry.Hash ? "its content does not match its hash (it was changed)" : null;
    }
}
