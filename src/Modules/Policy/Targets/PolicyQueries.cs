using Funeng.Kernel.Localization;
using Funeng.Policy.Contracts;
using Funeng.Policy.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Policy.Targets;

/// <summary>Reads the loaded packs. Packs are small (tens of documents), so joins happen in memory.</summary>
internal sealed class PolicyQueries(PolicyDb db) : IPolicyQueries
{
    public async Task<IReadOnlyList<PolicyTarget>> ListTargetsAsync(TargetFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Targets.AsNoTracking();
        if (filter.Scope is not null)
        {
            query = query.Where(t => t.Scope == filter.Scope);
        }

        if (filter.Indicator is not null)
        {
            query = query.Where(t => t.Indicator == filter.Indicator);
        }

        if (filter.HeadlineOnly)
        {
            query = query.Where(t => t.Headline);
        }

        var targets = await query.ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().ToDictionaryAsync(d => (d.PackId, d.Id), cancellationToken);
        var measures = await db.Measures.AsNoTracking().ToDictionaryAsync(m => (m.PackId, m.DocumentId, m.Number), cancellationToken);
        // The order of the pack's files: document by document, each in the order its authors wrote.
        return targets
            .OrderBy(t => t.PackId, StringComparer.Ordinal)
            .ThenBy(t => documents[(t.PackId, t.DocumentId)].Position)
            .ThenBy(t => t.Position)
            .Select(t => ToTarget(t, documents[(t.PackId, t.DocumentId)], measures[(t.PackId, t.DocumentId, t.MeasureNumber)]))
            .Where(t => filter.Year is not { } year || t.AppliesTo(year))
            .ToList();
    }

    public async Task<IReadOnlyList<PolicyDocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var documents = await db.Documents.AsNoTracking().OrderBy(d => d.PackId).ThenBy(d => d.Position).ToListAsync(cancellationToken);
        var measureCounts = await db.Measures.GroupBy(m => new { m.PackId, m.DocumentId }).Select(g => new { g.Key.PackId, g.Key.DocumentId, Count = g.Count() }).ToListAsync(cancellationToken);
        var targetCounts = await db.Targets.GroupBy(t => new { t.PackId, t.DocumentId }).Select(g => new { g.Key.PackId, g.Key.DocumentId, Count = g.Count() }).ToListAsync(cancellationToken);
        return documents.ConvertAll(d => ToSummary(
            d,
            measureCounts.FirstOrDefault(c => c.PackId == d.PackId && c.DocumentId == d.Id)?.Count ?? 0,
            targetCounts.FirstOrDefault(c => c.PackId == d.PackId && c.DocumentId == d.Id)?.Count ?? 0));
    }

    public async Task<PolicyDocumentDetail?> FindDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var measures = await db.Measures.AsNoTracking()
            .Where(m => m.PackId == document.PackId && m.DocumentId == document.Id)
            .OrderBy(m => m.Position).ToListAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.PackId == document.PackId && t.DocumentId == document.Id)
            .OrderBy(t => t.Position).ToListAsync(cancellationToken);
        var byNumber = measures.ToDictionary(m => m.Number);
        return new PolicyDocumentDetail(
            ToSummary(document, measures.Count, targets.Count),
            Text(document.NoteZh, document.NoteEn),
            measures.ConvertAll(m => new PolicyMeasure(m.Number, new(m.TitleZh, m.TitleEn), new(m.SummaryZh, m.SummaryEn), m.SourceFile)),
            targets.ConvertAll(t => ToTarget(t, document, byNumber[t.MeasureNumber])));
    }

    private static PolicyTarget ToTarget(TargetRecord t, DocumentRecord d, MeasureRecord m) => new(
        t.Id,
        t.PackId,
        Enum.Parse<TargetKind>(t.Kind),
        t.Indicator,
        new LocalizedText(t.NameZh, t.NameEn),
        Enum.Parse<Comparator>(t.Comparator),
        t.Value,
        Enum.Parse<TargetUnit>(t.Unit),
        t.Per,
        t.Year,
        t.Scope,
        t.Headline,
        Text(t.NoteZh, t.NoteEn),
        d.ValidFrom,
        d.ValidTo,
        new LocalizedText(d.TitleZh, d.TitleEn),
        new MeasureReference(d.Id, m.Number, new LocalizedText(m.TitleZh, m.TitleEn), m.SourceFile),
        Enum.Parse<TargetCounting>(t.Counting));

    private static PolicyDocumentSummary ToSummary(DocumentRecord d, int measures, int targets) => new(
        d.Id, d.PackId, new(d.TitleZh, d.TitleEn), new(d.IssuerZh, d.IssuerEn), d.Issued, d.ValidFrom, d.ValidTo, d.Scope, d.SourceFile, measures, targets);

    private static LocalizedText? Text(string? zh, string? en) => zh is null || en is null ? null : new LocalizedText(zh, en);
}
