using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Funeng.Kernel.Security;

/// <summary>
/// Who is acting: the signed-in user of the current request, or the command-line operator when there is no
/// request. Modules ask this, never <see cref="HttpContext"/>, so the same code serves both hosts.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    /// <summary>The actor name used when no one is signed in, e.g. the CLI.</summary>
    public const string SystemActor = "system";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? UserId => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string ActorName => IsAuthenticated
        ? Principal!.FindFirstValue(FunengClaims.DisplayName) ?? Principal!.Identity!.Name ?? "?"
        : SystemActor;

    public Guid? OrganisationId =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(FunengClaims.Organisation), out var id) ? id : null;

    public bool IsInRole(string role) => IsAuthenticated && Principal!.IsInRole(role);

    /// <summary>True when the user belongs to the organisation that owns a record: the rule for editing it.</summary>
    public bool BelongsTo(Guid ownerOrganisationId) => OrganisationId == ownerOrganisationId;
}
