using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Data;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Tokens;

/// <summary>A signed-in user creates, lists and revokes their own API tokens.</summary>
internal static class ApiTokenCommands
{
    public sealed record CreateRequest(string Name, int? DaysValid);

    public sealed record Created(Guid Id, string Name, string Secret, DateTimeOffset ExpiresAt);

    public sealed record Listed(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Revoked);

    public static async Task<Created> CreateAsync(PlatformDb db, string userId, string name, int daysValid, TimeProvider clock, CancellationToken cancellationToken) =>
        await CreateAsync(db, userId, name, daysValid, parent: null, clock, cancellationToken);

    /// <summary>
    /// Creates a token; one created with another token (<paramref name="parent"/>) expires no later than its parent.
    /// </summary>
    public static async Task<Created> CreateAsync(PlatformDb db, string userId, string name, int daysValid, ApiToken? parent, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var secret = ApiTokenSecrets.NewSecret();
        var now = clock.GetUtcNow();
        var expires = now.AddDays(daysValid);
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..10],
            SecretHash = ApiTokenSecrets.Hash(secret),
            CreatedAt = now,
            ExpiresAt = parent is not null && parent.ExpiresAt < expires ? parent.ExpiresAt : expires,
            ParentId = parent?.Id,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(token.Id, token.Name, secret, token.ExpiresAt);
    }

    public static async Task<Created<Created>> HandleCreateAsync(
        CreateRequest request, IActor actor, PlatformDb db, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            problems.Add(FieldProblem.Of("name", "account.tokens.name-invalid"));
        }

        if (request.DaysValid is < 1 or > 366)
        {
            problems.Add(FieldProblem.Of("daysValid", "account.tokens.days-invalid"));
        }

        InvalidInputException.ThrowIfAny(problems);

        // A token minted with a token is the caller's child: it cannot outlive or survive its parent.
        ApiToken? parent = null;
        if (Guid.TryParse(http.User.FindFirstValue(ApiTokenAuthentication.TokenClaim), out var parentId))
        {
            parent = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == parentId, cancellationToken);
        }

        var created = await CreateAsync(db, actor.UserId!, request.Name, request.DaysValid ?? 90, parent, clock, cancellationToken);
        return TypedResults.Created($"/api/v1/account/tokens/{created.Id}", created);
    }

    public static async Task<Ok<List<Listed>>> HandleListAsync(IActor actor, PlatformDb db, CancellationToken cancellationToken)
    {
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.UserId)
            .Select(t => new Listed(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt != null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(tokens.OrderByDescending(t => t.CreatedAt).ToList());
    }

    public static async Task<Results<NoContent, NotFound>> HandleRevokeAsync(
        Guid id, IActor actor, PlatformDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // A token of another user is reported as missing: its existence is not the caller's business.
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == actor.UserId, cancellationToken);
        if (token is null)
        {
            return TypedResults.NotFound();
        }

        await RevokeWithDescendantsAsync(db, token, clock.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Revokes a token and every token minted from it, at any depth, in one save.</summary>
    public static async Task RevokeWithDescendantsAsync(PlatformDb db, ApiToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(token);
        var owned = await db.ApiTokens.Where(t => t.UserId == token.UserId).ToListAsync(cancellationToken);
        var revoke = new Queue<ApiToken>([token]);
        var seen = new HashSet<Guid>();
        while (revoke.TryDequeue(out var next))
        {
            if (!seen.Add(next.Id))
            {
                continue;
            }

            next.RevokedAt ??= now;
            foreach (var child in owned.Where(t => t.ParentId == next.Id))
            {
                revoke.Enqueue(child);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
