using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Platform.Audit;

/// <summary>Office staff recompute the audit chain from the API.</summary>
internal static class VerifyAudit
{
    public static async Task<Ok<AuditVerification>> HandleAsync(IAuditLog audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.VerifyAsync(cancellationToken: cancellationToken));
}
