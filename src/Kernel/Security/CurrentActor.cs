using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Kernel.Security;

/// <summary>
/// The <see cref="IActor"/> of a service scope: the one the scope was opened for (<see cref="ActorScopes"/>: the
/// CLI's signed-in account, a background job's system actor), else the principal of the current HTTP request
/// (read when asked, so authentication that runs after the scope opened counts), else the system.
/// </summary>
internal sealed class CurrentActor(IHttpContextAccessor http) : IActor
{
    private IActor? given;

    private IActor Resolved => given ?? (http.HttpContext is { } context ? Security.Actor.From(context.User) : Security.Actor.System);

    /// <summary>Fixes the actor for the rest of the scope; a scope has one actor, so it is set once.</summary>
    public void Set(IActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (given is not null)
        {
            throw new InvalidOperationException("The actor of a scope is set once, when the scope is opened.");
        }

        given = actor;
    }

    public bool IsAuthenticated => Resolved.IsAuthenticated;

    public bool IsSystem => Resolved.IsSystem;

    public string? UserId => Resolved.UserId;

    public string Name => Resolved.Name;

    public Guid? OrganisationId => Resolved.OrganisationId;

    public string? CitySlug => Resolved.CitySlug;

    public IReadOnlySet<string> Roles => Resolved.Roles;

    public bool IsInRole(string role) => Resolved.IsInRole(role);

    public bool BelongsTo(Guid ownerOrganisationId) => Resolved.BelongsTo(ownerOrganisationId);
}

/// <summary>Opens service scopes in which a given actor acts: how the CLI and background jobs provide theirs.</summary>
public static class ActorScopes
{
    /// <summary>A new scope whose <see cref="IActor"/> is <paramref name="actor"/>.</summary>
    public static AsyncServiceScope CreateActorScope(this IServiceProvider services, IActor actor) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateActorScope(actor);

    /// <summary>A new scope whose <see cref="IActor"/> is <paramref name="actor"/> (background jobs: <see cref="Actor.System"/>).</summary>
    public static AsyncServiceScope CreateActorScope(this IServiceScopeFactory scopes, IActor actor)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(actor);
        return scope;
    }

    internal static IServiceCollection AddActors(this IServiceCollection services) =>
        services.AddHttpContextAccessor()
            .AddScoped<CurrentActor>()
            .AddScoped<IActor>(provider => provider.GetRequiredService<CurrentActor>());
}
