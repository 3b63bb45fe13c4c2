using Funeng.Platform.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Platform.Organisations;

/// <summary>The public list of participating organisations, optionally of one kind.</summary>
internal static class ListOrganisations
{
    public static async Task<Ok<IReadOnlyList<OrganisationSummary>>> HandleAsync(
        IOrganisationDirectory directory, OrganisationKind? kind, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(kind, cancellationToken));
}
