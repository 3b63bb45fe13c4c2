using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Policy.Documents;

/// <summary><c>GET /api/v1/policy/documents</c> and <c>GET /api/v1/policy/documents/{id}</c>.</summary>
internal static class GetDocuments
{
    public static async Task<Ok<IReadOnlyList<PolicyDocumentSummary>>> ListAsync(IPolicyQueries policy, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policy.ListDocumentsAsync(cancellationToken));

    public static async Task<Ok<PolicyDocumentDetail>> FindAsync(string id, IPolicyQueries policy, CancellationToken cancellationToken) =>
        await policy.FindDocumentAsync(id, cancellationToken) is { } document
            ? TypedResults.Ok(document)
            : throw new DomainRuleException(ProblemMessage.Of("policy.problem.no-document", id), "id", StatusCodes.Status404NotFound);
}
