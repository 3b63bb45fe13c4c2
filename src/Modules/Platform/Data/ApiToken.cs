namespace Funeng.Platform.Data;

/// <summary>
/// A personal API token for <c>/api/v1</c> clients. Only the SHA-256 of the secret is stored; the secret is shown
/// once, when it is created.
/// </summary>
internal sealed class ApiToken
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, so a user can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>
    /// The token that created this one through the API, or null when made from a signed-in page. A child never
    /// outlives its parent and is revoked with it.
    /// </summary>
    public Guid? ParentId { get; set; }
}
