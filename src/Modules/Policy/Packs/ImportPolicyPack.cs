using Funeng.Kernel.Web;
using Funeng.Platform.Contracts;
using Funeng.Policy.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Policy.Packs;

/// <summary>
/// Validates a pack folder and replaces the pack's rows in one transaction, with its audit entry. An invalid
/// pack throws before anything is written; a pack whose files are unchanged is left as it is.
/// </summary>
internal sealed class ImportPolicyPack(PolicyDb db, IAuditLog audit, TimeProvider clock)
{
    public sealed record Outcome(string PackId, string Version, bool Changed, int Documents, int Measures, int Targets);

    public async Task<Outcome> ImportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var pack = PolicyPackReader.Read(directory);
        var measureCount = pack.Documents.Sum(d => d.Measures.Count);
        var targetCount = pack.Documents.Sum(d => d.Targets.Count);
        var existing = await db.Packs.SingleOrDefaultAsync(p => p.Id == pack.Id, cancellationToken);
        if (existing?.ContentHash == pack.ContentHash)
        {
            return new Outcome(pack.Id, pack.Version, false, pack.Documents.Count, measureCount, targetCount);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Targets.Where(t => t.PackId == pack.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Measures.Where(m => m.PackId == pack.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Documents.Where(d => d.PackId == pack.Id).ExecuteDeleteAsync(cancellationToken);
        // The deletes bypassed the change tracker; forget rows it may still hold from an earlier import.
        db.ChangeTracker.Clear();
        existing = await db.Packs.SingleOrDefaultAsync(p => p.Id == pack.Id, cancellationToken);

        existing ??= db.Packs.Add(new PackRecord { Id = pack.Id }).Entity;
        existing.Version = pack.Version;
        existing.NameZh = pack.Name.Zh;
        existing.NameEn = pack.Name.En;
        existing.ContentHash = pack.ContentHash;
        existing.ImportedAt = clock.GetUtcNow();

        foreach (var (document, documentPosition) in pack.Documents.Select((d, i) => (d, i)))
        {
            db.Documents.Add(ToRecord(pack.Id, document, documentPosition));
            db.Measures.AddRange(document.Measures.Select((m, i) => new MeasureRecord
            {
                PackId = pack.Id,
                DocumentId = document.Id,
                Position = i,
                Number = m.Number,
                TitleZh = m.Title.Zh,
                TitleEn = m.Title.En,
                SummaryZh = m.Summary.Zh,
                SummaryEn = m.Summary.En,
                SourceFile = m.SourceFile,
            }));
            db.Targets.AddRange(document.Targets.Select((t, i) => ToRecord(pack.Id, document.Id, t, i)));
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(
            new AuditEvent(
                "policy.pack.imported",
                "policy-pack",
                pack.Id,
                ProblemMessage.Of("policy.audit.pack-imported", pack.Version, pack.Documents.Count, measureCount, targetCount, pack.ContentHash)),
            db,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(pack.Id, pack.Version, true, pack.Documents.Count, measureCount, targetCount);
    }

    private static DocumentRecord ToRecord(string packId, DocumentContent d, int position) => new()
    {
        PackId = packId,
        Id = d.Id,
        Position = position,
        TitleZh = d.Title.Zh,
        TitleEn = d.Title.En,
        IssuerZh = d.Issuer.Zh,
        IssuerEn = d.Issuer.En,
        Issued = d.Issued,
        ValidFrom = d.ValidFrom,
        ValidTo = d.ValidTo,
        Scope = d.Scope,
        SourceFile = d.SourceFile,
        NoteZh = d.Note?.Zh,
        NoteEn = d.Note?.En,
    };

    private static TargetRecord ToRecord(string packId, string documentId, TargetContent t, int position) => new()
    {
        PackId = packId,
        Id = t.Id,
        DocumentId = documentId,
        Position = position,
        Kind = t.Kind.ToString(),
        Indicator = t.Indicator,
        NameZh = t.Name.Zh,
        NameEn = t.Name.En,
        Comparator = t.Comparator.ToString(),
        Value = t.Value,
        Unit = t.Unit.ToString(),
        Per = t.Per,
        Year = t.Year,
        Scope = t.Scope,
        MeasureNumber = t.Measure,
        Headline = t.Headline,
        Counting = t.Counting.ToString(),
        NoteZh = t.Note?.Zh,
        NoteEn = t.Note?.En,
    };
}
