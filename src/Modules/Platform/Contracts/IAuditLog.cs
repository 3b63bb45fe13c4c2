using Funeng.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Contracts;

/// <summary>A change worth recording: publication, review, award, approval, role change, import.</summary>
/// <param name="Action">Dotted verb, e.g. <c>policy.pack.imported</c>, <c>platform.user.roles-changed</c>.</param>
/// <param name="EntityType">What kind of record changed.</param>
/// <param name="EntityId">Which one.</param>
/// <param name="Details">
/// What changed, as stored and hashed. Write it with the constructor that takes a <see cref="ProblemMessage"/>: a
/// <c>strings.json</c> key with arguments, kept as <see cref="StoredMessage"/> and worded in each reader's language
/// when the audit page shows it (entries written before that hold free text, shown as written). Label the action in
/// the recording module's strings.json as <c>audit.action.</c> + <paramref name="Action"/>, and a new entity type as
/// <c>audit.entity.</c> + <paramref name="EntityType"/>.
/// </param>
public sealed record AuditEvent(string Action, string EntityType, string EntityId, string Details)
{
    /// <summary>An event whose details are a keyed message, worded for each reader when read.</summary>
    public AuditEvent(string action, string entityType, string entityId, ProblemMessage details)
        : this(action, entityType, entityId, StoredMessage.Write(details))
    {
    }
}

/// <summary>
/// The append-only, hash-chained audit log. Each entry holds the previous entry's hash, so a changed or removed
/// entry breaks the chain from that point on.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Appends an entry inside the open transaction of <paramref name="within"/>, so that the change and its
    /// record commit together or not at all. Pass <c>null</c> to append in a transaction of its own.
    /// </summary>
    Task AppendAsync(AuditEvent auditEvent, DbContext? within = null, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the whole chain; returns the first broken entry, or a valid result.</summary>
    Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>The outcome of recomputing the audit chain.</summary>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBrokenSequence">The sequence number of the first entry that does not verify, or null.</param>
/// <param name="Problem">Why it does not verify, told in the reader's language.</param>
public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenSequence, ProblemMessage? Problem)
{
    public bool IsValid => FirstBrokenSequence is null;
}
