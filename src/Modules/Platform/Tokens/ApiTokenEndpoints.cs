using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funeng.Platform.Tokens;

/// <summary><c>/api/v1/account/tokens</c>: list, create and revoke the caller's API tokens through <see cref="ApiTokenCommands"/>.</summary>
internal static class ApiTokenEndpoints
{
    public static async Task<Ok<List<ApiTokenCommands.Listed>>> HandleListAsync(ApiTokenCommands tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tokens.ListAsync(cancellationToken));

    public static async Task<Created<ApiTokenCommands.Created>> HandleCreateAsync(
        ApiTokenCommands.CreateRequest request, ApiTokenCommands tokens, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        // A request signed with a token mints a child of that token.
        Guid? parent = Guid.TryParse(http.User.FindFirstValue(ApiTokenAuthentication.TokenClaim), out var parentId) ? parentId : null;
        var created = await tokens.CreateAsync(request, parent, cancellationToken);
        return TypedResults.Created($"/api/v1/account/tokens/{created.Id}", created);
    }

    public static async Task<Results<NoContent, NotFound>> HandleRevokeAsync(Guid id, ApiTokenCommands tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
