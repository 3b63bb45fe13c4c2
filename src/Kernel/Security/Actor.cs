using System.Security.Claims;

namespace Funeng.Kernel.Security;

/// <summary>An actor fixed when it is made: the system, an anonymous visitor, or the holder of a principal.</summary>
public sealed class Actor : IActor
{
    /// <summary>The name recorded when no person acts.</summary>
    public const string SystemName = "system";

    private Actor(string? userId, string name, Guid? organisationId, string? citySlug, IReadOnlySet<string> roles, bool isSystem)
    {
        UserId = userId;
        Name = name;
        OrganisationId = organisationId;
        CitySlug = citySlug;
        Roles = roles;
        IsSystem = isSystem;
    }

    /// <summary>Background jobs and the command line without <c>--as</c>: no account, no organisation, no role.</summary>
    public static Actor System { get; } = new(null, SystemName, null, null, new HashSet<string>(), isSystem: true);

    /// <summary>A visitor of the web site who has not signed in.</summary>
    // Recorded under the system's name, as before the actor existed: anonymous acts (self-registration) are the site's.
    public static Actor Anonymous { get; } = new(null, SystemName, null, null, new HashSet<string>(), isSystem: false);

    public bool IsAuthenticated => UserId is not null;

    public bool IsSystem { get; }

    public string? UserId { get; }

    public string Name { get; }

    public Guid? OrganisationId { get; }

    public string? CitySlug { get; }

    public IReadOnlySet<string> Roles { get; }

    /// <summary>The actor a principal describes: anonymous unless it is authenticated.</summary>
    public static Actor From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Anonymous;
        }

        var roleType = (principal.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        return new Actor(
            userId,
            principal.FindFirstValue(FunengClaims.DisplayName) ?? principal.Identity.Name ?? "?",
            Guid.TryParse(principal.FindFirstValue(FunengClaims.Organisation), out var organisation) ? organisation : null,
            principal.FindFirstValue(FunengClaims.City),
            principal.FindAll(roleType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            isSystem: false);
    }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool BelongsTo(Guid ownerOrganisationId) => OrganisationId == ownerOrganisationId;
}
