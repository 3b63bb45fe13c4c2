using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Audit;

/// <summary>One audit entry worded for the reader, with the stored codes and hash beside the labels for whoever checks the chain.</summary>
/// <param name="Sequence">The entry's place in the chain.</param>
/// <param name="OccurredAt">When it was recorded (UTC).</param>
/// <param name="Who">The actor's name, or "system" in the reader's language.</param>
/// <param name="Action">The action's label (its code when it has none).</param>
/// <param name="ActionCode">The action as stored.</param>
/// <param name="EntityType">The entity type's label (its code when it has none).</param>
/// <param name="EntityId">The id of the record acted on, as stored.</param>
/// <param name="Details">The details in the reader's language, or as written for entries made before keyed details.</param>
/// <param name="Hash">The entry's hash in the chain.</param>
internal sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string Who, string Action, string ActionCode, string EntityType, string EntityId, string Details, string Hash);

/// <summary>
/// The latest audit entries as a reader reads them. What was done and to what is shown by its label (the module that
/// records an action names it in its strings.json as <c>audit.action.</c> + the action, an entity type as
/// <c>audit.entity.</c> + the type); details written as a keyed message are worded for the reader, older free text
/// is shown as written under <see cref="RecordedInEnglish"/>. Nothing stored is changed: the chain hashes the stored text.
/// </summary>
internal sealed class AuditTrail(PlatformDb db, UiText text)
{
    /// <summary>The key old free-text details are shown under.</summary>
    public const string RecordedInEnglish = "account.audit.recorded-in-english";

    /// <summary>The latest <paramref name="take"/> entries, newest first, worded in <paramref name="culture"/>.</summary>
    public async Task<IReadOnlyList<AuditRow>> LatestAsync(int take, CultureInfo culture, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(take).ToListAsync(cancellationToken);
        return [.. entries.Select(e => Row(e, text, culture))];
    }

    /// <summary>An entry as the reader reads it.</summary>
    private static AuditRow Row(AuditEntry entry, UiText text, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(text);
        return new AuditRow(
            entry.Sequence,
            entry.OccurredAt,
            entry.ActorUserId is null && entry.Actor == Actor.SystemName ? text.Get("account.audit.system", culture) : entry.Actor,
            Label(text, "audit.action." + entry.Action, entry.Action, culture),
            entry.Action,
            Label(text, "audit.entity." + entry.EntityType, entry.EntityType, culture),
            entry.EntityId,
            entry.Details.Length == 0 ? "" : StoredMessage.Read(entry.Details, RecordedInEnglish).In(text, culture),
            entry.Hash);
    }

    // A code recorded before it had a label (or by a module no longer loaded) shows as itself.
    private static string Label(UiText text, string key, string code, CultureInfo culture) =>
        text.Has(key) ? text.Get(key, culture) : code;
}
