using Funeng.Catalog.Data;
using Funeng.Catalog.Search.Glossary;
using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Catalog.Search;

/// <summary>
/// Office staff list, add, edit, retire and restore glossary entries. Each change commits with its audit entry and
/// then swaps the glossary snapshot, so the next query translates and expands with it (no re-indexing).
/// </summary>
internal sealed class GlossaryCommands(CatalogDb db, GlossarySnapshots snapshots, IAuditLog audit, IActor actor, TimeProvider clock)
{
    /// <summary>Every entry, shipped and office, merged; retired ones only for office staff.</summary>
    public async Task<List<GlossaryItem>> ListAsync(CancellationToken cancellationToken)
    {
        var office = await db.GlossaryEntries.AsNoTracking().ToListAsync(cancellationToken);
        var merged = GlossaryRules.Merge(DomainGlossary.Shipped.Entries, [.. office.Select(GlossarySnapshots.Override)]);
        return actor.IsInRole(Roles.OfficeStaff) ? merged : [.. merged.Where(i => !i.Retired)];
    }

    public async Task<GlossaryItem> AddAsync(GlossaryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        GlossaryRules.RequireOffice(actor.IsInRole(Roles.OfficeStaff));
        InvalidInputException.ThrowIfAny(GlossaryRules.Validate(input));
        var items = await ListAsync(cancellationToken);
        GlossaryRules.RefuseTakenNames(input, items, ownGroup: null);
        var zh = GlossaryRules.Clean(input.Zh);
        var group = GlossaryRules.GroupOf(zh, GlossaryRules.Clean(input.En));
        if (items.Any(i => i.Group == group))
        {
            // Only a retired entry can still hold the group once its names are free: the office restores or edits that one.
            throw new DomainRuleException(ProblemMessage.Of("catalog.glossary.refusal.group-taken", zh[0]), "zh", 409);
        }

        var now = clock.GetUtcNow();
        var record = new GlossaryEntryRecord { Id = Guid.CreateVersion7(now), Group = group, CreatedAt = now };
        db.GlossaryEntries.Add(record);
        return await SaveAsync(record, input, "added", cancellationToken);
    }

    /// <summary>Changes an entry's names and source (a shipped entry gets an office record that replaces it); null when no entry has the group.</summary>
    public async Task<GlossaryItem?> UpdateAsync(string group, GlossaryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        GlossaryRules.RequireOffice(actor.IsInRole(Roles.OfficeStaff));
        InvalidInputException.ThrowIfAny(GlossaryRules.Validate(input));
        var items = await ListAsync(cancellationToken);
        if (items.SingleOrDefault(i => i.Group == group) is not { } item)
        {
            return null;
        }

        GlossaryRules.RefuseTakenNames(input, items, ownGroup: group);
        var record = await RecordOfAsync(item, cancellationToken);
        return await SaveAsync(record, input, "updated", cancellationToken);
    }

    /// <summary>Retires (or restores) an entry: it stops (or starts again) translating queries; null when no entry has the group.</summary>
    public async Task<GlossaryItem?> RetireAsync(string group, bool retired, CancellationToken cancellationToken)
    {
        GlossaryRules.RequireOffice(actor.IsInRole(Roles.OfficeStaff));
        var items = await ListAsync(cancellationToken);
        if (items.SingleOrDefault(i => i.Group == group) is not { } item)
        {
            return null;
        }

        var input = new GlossaryInput(item.Zh, item.En, item.Source);
        if (!retired)
        {
            // While it was retired, another entry may have taken one of its names.
            GlossaryRules.RefuseTakenNames(input, items, ownGroup: group);
        }

        var record = await RecordOfAsync(item, cancellationToken);
        record.Retired = retired;
        return await SaveAsync(record, input, retired ? "retired" : "restored", cancellationToken);
    }

    private async Task<GlossaryEntryRecord> RecordOfAsync(GlossaryItem item, CancellationToken cancellationToken)
    {
        if (await db.GlossaryEntries.SingleOrDefaultAsync(r => r.Group == item.Group, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow();
        var record = new GlossaryEntryRecord { Id = Guid.CreateVersion7(now), Group = item.Group, CreatedAt = now };
        db.GlossaryEntries.Add(record);
        return record;
    }

    private async Task<GlossaryItem> SaveAsync(GlossaryEntryRecord record, GlossaryInput input, string action, CancellationToken cancellationToken)
    {
        record.ZhNames = GlossaryRules.Join(GlossaryRules.Clean(input.Zh));
        record.EnNames = GlossaryRules.Join(GlossaryRules.Clean(input.En));
        record.Source = input.Source!.Trim();
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedBy = actor.Name;
        record.Revision++;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent edit of the same entry, or a concurrent add of the same group.
                throw new DomainRuleException(ProblemMessage.Of("catalog.glossary.refusal.changed-meanwhile"), "glossary", 409);
            }

            var details = ProblemMessage.Of("catalog.audit.glossary", record.ZhNames, record.EnNames, record.Source);
            await audit.AppendAsync(new AuditEvent($"catalog.glossary.{action}", "catalog.glossary_entry", record.Group, details), db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await snapshots.RefreshAsync(db, cancellationToken);
        return (await ListAsync(cancellationToken)).Single(i => i.Group == record.Group);
    }
}
