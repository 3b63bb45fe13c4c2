using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.TestSupport;

/// <summary>Service scopes that act as a test user, to call a module's query and use-case classes without HTTP.</summary>
public static class ActorScopes
{
    /// <summary>A scope whose <see cref="IActor"/> is <paramref name="user"/>, with the claims a sign-in gives them (as the CLI's <c>--as</c>).</summary>
    public static async Task<AsyncServiceScope> ScopeAsAsync(this ITestApp app, ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        IActor? actor;
        await using (var lookup = app.Services.CreateAsyncScope())
        {
            actor = await lookup.ServiceProvider.GetRequiredService<IAccountCommands>().ActorAsync(user.Email);
        }

        return app.Services.CreateActorScope(actor ?? throw new InvalidOperationException($"There is no account {user.Email}."));
    }
}
