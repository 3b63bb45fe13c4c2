using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.TestSupport;

/// <summary>One audit entry as a test checks it: what was done, by whom, when, with which details.</summary>
public sealed record AuditRecord(string Action, string? ActorUserId, DateTimeOffset OccurredAt, string Details);

/// <summary>Reads the audit log of one record, so a module's tests can check a step was recorded with who, when and why.</summary>
public static class AuditTrail
{
    public static async Task<IReadOnlyList<AuditRecord>> AuditOfAsync(this FunengApp app, string entityType, string entityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<PlatformDb>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return entries.ConvertAll(e => new AuditRecord(e.Action, e.ActorUserId, e.OccurredAt, e.Details));
    }
}
