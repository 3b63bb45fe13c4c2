using Funeng.Kernel.Database;
using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Funeng.Platform.Audit;

/// <summary>Appends to and verifies the hash chain stored in <c>platform_audit_log</c>.</summary>
internal sealed class AuditLog(PlatformDb db, DatabaseSettings settings, IActor actor, TimeProvider clock, AuditKey key) : IAuditLog
{
    // Any fixed number: the PostgreSQL advisory lock that serialises appends until the transaction ends.
    private const long AppendLockKey = 0x46554e454e47;

    public async Task AppendAsync(AuditEvent auditEvent, DbContext? within = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (within is null)
        {
            await using var ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AppendCoreAsync(db, auditEvent, cancellationToken);
            await ownTransaction.CommitAsync(cancellationToken);
            return;
        }

        var transaction = within.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Begin a transaction on the changing context before auditing inside it.");
        await using var joined = PlatformDb.CreateOnConnection(settings, within.Database.GetDbConnection());
        await joined.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        await AppendCoreAsync(joined, auditEvent, cancellationToken);
    }

    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        AuditEntry? previous = null;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            var problem = AuditChain.Check(entry, previous, key.Secret);
            if (problem is not null)
            {
                return new AuditVerification(count, entry.Sequence, problem);
            }

            previous = entry;
            if (count % 1000 == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        var headProblem = AuditChain.CheckHead(head, count, previous?.Hash ?? AuditChain.GenesisHash, key.Secret);
        return headProblem is null
            ? new AuditVerification(count, null, null)
            : new AuditVerification(count, Math.Max(count, head?.Count ?? 0), headProblem);
    }

    private async Task AppendCoreAsync(PlatformDb target, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // SQLite transactions already serialise writers (BEGIN IMMEDIATE); PostgreSQL needs the lock.
            await target.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", cancellationToken);
        }

        var last = await target.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var entry = new AuditEntry
        {
            Sequence = (last?.Sequence ?? 0) + 1,
            OccurredAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero),
            Actor = actor.Name,
            ActorUserId = actor.UserId,
            OrganisationId = actor.OrganisationId,
            Action = auditEvent.Action,
            EntityType = auditEvent.EntityType,
            EntityId = auditEvent.EntityId,
            Details = auditEvent.Details,
            PreviousHash = last?.Hash ?? AuditChain.GenesisHash,
        };
        entry.Hash = AuditChain.ComputeHash(entry, key.Secret);
        target.AuditEntries.Add(entry);

        // The signed head moves with the chain, in the same transaction.
        var head = await target.AuditHeads.SingleOrDefaultAsync(h => h.Id == AuditHead.SingletonId, cancellationToken);
        if (head is null)
        {
            head = new AuditHead();
            target.AuditHeads.Add(head);
        }

        head.Count = entry.Sequence;
        head.LastHash = entry.Hash;
        head.Signature = AuditChain.SignHead(head.Count, head.LastHash, key.Secret);
        await target.SaveChangesAsync(cancellationToken);
    }
}
