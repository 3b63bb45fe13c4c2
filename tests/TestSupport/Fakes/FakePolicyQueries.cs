using Funeng.Policy.Contracts;

namespace Funeng.TestSupport.Fakes;

/// <summary>
/// Stands in for Policy's queries when a module that reads policy targets or documents runs alone: holds the
/// targets and documents a test set, answers a target query by its filter as Policy does, and records each call.
/// </summary>
public sealed class FakePolicyQueries : IPolicyQueries
{
    private volatile IReadOnlyList<PolicyTarget> _targets = [];
    private volatile IReadOnlyList<PolicyDocumentDetail> _documents = [];

    public FakeCalls Calls { get; } = new();

    /// <summary>The targets every following query chooses from (none until set).</summary>
    public void AnswerTargets(params PolicyTarget[] targets) => _targets = targets;

    /// <summary>The documents every following query chooses from (none until set).</summary>
    public void AnswerDocuments(params PolicyDocumentDetail[] documents) => _documents = documents;

    public Task<IReadOnlyList<PolicyTarget>> ListTargetsAsync(TargetFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Calls.Record([filter]);
        IReadOnlyList<PolicyTarget> chosen = [.. _targets.Where(t =>
            (filter.Year is not { } year || t.AppliesTo(year))
            && (filter.Scope is null || t.Scope == filter.Scope)
            && (filter.Indicator is null || t.Indicator == filter.Indicator)
            && (!filter.HeadlineOnly || t.Headline))];
        return Task.FromResult(chosen);
    }

    public Task<IReadOnlyList<PolicyDocumentSummary>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        Calls.Record([]);
        IReadOnlyList<PolicyDocumentSummary> summaries = [.. _documents.Select(d => d.Document)];
        return Task.FromResult(summaries);
    }

    public Task<PolicyDocumentDetail?> FindDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        Calls.Record([documentId]);
        return Task.FromResult(_documents.FirstOrDefault(d => d.Document.Id == documentId));
    }
}
