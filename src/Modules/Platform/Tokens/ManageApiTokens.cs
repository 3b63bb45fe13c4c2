using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Tokens;

/// <summary>A signed-in user creates, lists and revokes their own API tokens.</summary>
internal static class ManageApiTokens
{
    public sealed record CreateRequest(string Name, int? DaysValid);

    public sealed record Created(Guid Id, string Name, string Secret, DateTimeOffset ExpiresAt);

    public sealed record Listed(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Revoked);

    public static async Task<Created> CreateAsync(PlatformDb db, string userId, string name, int daysValid, TimeProvider clock, CancellationToken cancellationToken)
    {
        var secret = ApiTokenSecrets.NewSecret();
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..10],
            SecretHash = ApiTokenSecrets.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(daysValid),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(token.Id, token.Name, secret, token.ExpiresAt);
    }

    public static async Task<Results<Created<Created>, ValidationProblem>> HandleCreateAsync(
        CreateRequest request, CurrentUser user, PlatformDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["Give the token a name of 1 to 100 characters."];
        }

        if (request.DaysValid is < 1 or > 366)
        {
            errors["daysValid"] = ["A token is valid for 1 to 366 days."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await CreateAsync(db, user.UserId!, request.Name, request.DaysValid ?? 90, clock, cancellationToken);
        return TypedResults.Created($"/api/v1/account/tokens/{created.Id}", created);
    }

    public static async Task<Ok<List<Listed>>> HandleListAsync(CurrentUser user, PlatformDb db, CancellationToken cancellationToken)
    {
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.UserId)
            .Select(t => new Listed(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt != null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(tokens.OrderByDescending(t => t.CreatedAt).ToList());
    }

    public static async Task<Results<NoContent, NotFound>> HandleRevokeAsync(
        Guid id, CurrentUser user, PlatformDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // A token of another user is reported as missing: its existence is not the caller's business.
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == user.UserId, cancellationToken);
        if (token is null)
        {
            return TypedResults.NotFound();
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
