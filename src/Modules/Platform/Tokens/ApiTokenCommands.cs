using Funeng.Kernel.Security;
using Funeng.Kernel.Web;
using Funeng.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Funeng.Platform.Tokens;

/// <summary>
/// A signed-in user creates, lists and revokes their own API tokens (<see cref="ApiTokenEndpoints"/> and the
/// tokens page call these; <see cref="ApiTokenRules"/> decides); account provisioning issues one for a named account.
/// </summary>
internal sealed class ApiTokenCommands(PlatformDb db, IActor actor, TimeProvider clock)
{
    public sealed record CreateRequest(string Name, int? DaysValid);

    public sealed record Created(Guid Id, string Name, string Secret, DateTimeOffset ExpiresAt);

    public sealed record Listed(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool Revoked);

    /// <summary>
    /// Creates a token for the actor; one created with another token (<paramref name="parentTokenId"/>, the token
    /// the request came with) is its child: it expires no later than its parent and is revoked with it.
    /// </summary>
    public async Task<Created> CreateAsync(CreateRequest request, Guid? parentTokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = ApiTokenRules.Owner(actor.UserId);
        InvalidInputException.ThrowIfAny(ApiTokenRules.Problems(request.Name, request.DaysValid));
        return await IssueAsync(owner, request.Name, request.DaysValid ?? ApiTokenRules.DefaultDaysValid, parentTokenId, cancellationToken);
    }

    /// <summary>Issues a token to the account <paramref name="userId"/> (the actor's, or one the CLI or a test fixture provisions).</summary>
    public async Task<Created> IssueAsync(string userId, string name, int daysValid, Guid? parentTokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var parent = parentTokenId is { } parentId
            ? await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == parentId, cancellationToken)
            : null;
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
            ExpiresAt = ApiTokenRules.ExpiresAt(now, daysValid, parent?.ExpiresAt),
            ParentId = parent?.Id,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(token.Id, token.Name, secret, token.ExpiresAt);
    }

    /// <summary>The actor's tokens, newest first.</summary>
    public async Task<List<Listed>> ListAsync(CancellationToken cancellationToken)
    {
        var owner = ApiTokenRules.Owner(actor.UserId);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == owner)
            .Select(t => new Listed(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt != null))
            .ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).ToList();
    }

    /// <summary>
    /// Revokes one of the actor's tokens and every token minted from it, at any depth, in one save; false when the
    /// actor has no such token (a token of another user is reported as missing: its existence is not their business).
    /// </summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var owner = ApiTokenRules.Owner(actor.UserId);
        var owned = await db.ApiTokens.Where(t => t.UserId == owner).ToListAsync(cancellationToken);
        if (owned.All(t => t.Id != id))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var revoke = ApiTokenRules.WithDescendants(id, owned.Select(t => (t.Id, t.ParentId))).ToHashSet();
        foreach (var token in owned.Where(t => revoke.Contains(t.Id)))
        {
            token.RevokedAt ??= now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
