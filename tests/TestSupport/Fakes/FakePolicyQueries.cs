using Funeng.Policy.Contracts;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Policy's loaded packs when a module that reads documents or targets (Incentives, Scenarios) runs
/// alone: answers from the documents the test set, filtered as <see cref="TargetFilter"/> says, and records each read.
/// </summary>
public sealed class FakePolicyQueries : IPolicyQueries
{
    private volatile IReadOnlyList<PolicyDocumentDetail> _documents = [];

    public FakeCalls Calls { get; } = new();

    /// <summary>The documents, with their measures and targets, every following read answers from (none until set).</summary>
    public void Answer(params PolicyDocumentDetail[] documents) => _documents = documents;

    public Task<IReadOnlyList<PolicyTarget>> ListTargetsAsync(TargetFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Calls.Record([filter]);
        IReadOnlyList<PolicyTarget> targets = [.. _documents.SelectMany(d => d.Targets).Where(t =>
            (filter.Year is not { } year || t.AppliesTo(year))
            && (filter.Scope is null || t.Scope == filter.Scope)
            && (filter.Indicator is null || t.Indicator == filter.Indicator)
            && (!filter.HeadlineOnly || t.Headline))];
        return Task.FromResult(targets);
    }

    public Task<IReadOnlyList<PolicyDocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        Calls.Record([]);
        return Task.FromResult<IReadOnlyList<PolicyDocumentSummary>>([.. _documents.Select(d => d.Document)]);
    }

    public Task<PolicyDocumentDetail?> FindDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        Calls.Record([documentId]);
        return Task.FromResult(_documents.FirstOrDefault(d => d.Document.Id == documentId));
    }
}
