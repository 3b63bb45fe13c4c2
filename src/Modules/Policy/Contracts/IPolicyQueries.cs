using Funeng.Kernel.Localization;

namespace Funeng.Policy.Contracts;

/// <summary>A policy document as listed.</summary>
public sealed record PolicyDocumentSummary(
    string Id,
    string PackId,
    LocalizedText Title,
    LocalizedText Issuer,
    DateOnly Issued,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string Scope,
    string SourceFile,
    int MeasureCount,
    int TargetCount);

/// <summary>A measure of a document.</summary>
public sealed record PolicyMeasure(string Number, LocalizedText Title, LocalizedText Summary, string SourceFile);

/// <summary>A document with its measures and targets.</summary>
public sealed record PolicyDocumentDetail(PolicyDocumentSummary Document, LocalizedText? Note, IReadOnlyList<PolicyMeasure> Measures, IReadOnlyList<PolicyTarget> Targets);

/// <summary>What other modules read of the loaded policy packs.</summary>
public interface IPolicyQueries
{
    Task<IReadOnlyList<PolicyTarget>> ListTargetsAsync(TargetFilter filter, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PolicyDocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default);

    Task<PolicyDocumentDetail?> FindDocumentAsync(string documentId, CancellationToken cancellationToken = default);
}
