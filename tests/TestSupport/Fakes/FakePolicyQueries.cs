using Funeng.Policy.Contracts;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Policy's loaded packs when a module that reads targets runs alone: answers the targets and
/// documents the test set, filtered as <see cref="TargetFilter"/> promises (scope, indicator, headline, and the
/// year through <see cref="PolicyTarget.AppliesTo"/>), and records each read.
/// </summary>
public sealed class FakePolicyQueries : IPolicyQueries
{
    private volatile IReadOnlyList<PolicyTarget> _targets = [];
    private volatile IReadOnlyList<PolicyDocumentDetail> _documents = [];

    public FakeCalls Calls { get; } = new();

    /// <summary>The targets every following read answers, in this order (none until set).</summary>
    public void Answer(params PolicyTarget[] targets) => _targets = targets;

    /// <summary>The documents every following read answers (none until set).</summary>
    public void AnswerDocuments(params PolicyDocumentDetail[] documents) => _documents = documents;

    public Task<IReadOnlyList<PolicyTarget>> ListTargetsAsync(TargetFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Calls.Record([filter]);
        IReadOnlyList<PolicyTarget> answer = _targets
            .Where(t => (filter.Scope is null || t.Scope == filter.Scope) && (filter.Indicator is null || t.Indicator == filter.Indicator)
                && (!filter.HeadlineOnly || t.Headline) && (filter.Year is not { } year || t.AppliesTo(year)))
            .ToList();
        return Task.FromResult(answer);
    }

    public Task<IReadOnlyList<PolicyDocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        Calls.Record([]);
        return Task.FromResult<IReadOnlyList<PolicyDocumentSummary>>(_documents.Select(d => d.Document).ToList());
    }

    public Task<PolicyDocumentDetail?> FindDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        Calls.Record([documentId]);
        return Task.FromResult(_documents.FirstOrDefault(d => d.Document.Id == documentId));
    }
}
