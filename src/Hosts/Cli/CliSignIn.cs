using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Cli;

/// <summary>
/// Lets a command act as a named account (<c>--as EMAIL</c>), so that its decisions and audit entries carry that
/// person's name and are refused to anyone without the role, as on the web.
/// </summary>
internal static class CliSignIn
{
    /// <summary>The account as an actor, or an error message naming what is wrong.</summary>
    public static async Task<(IActor? Actor, string? Error)> ActorAsync(IServiceProvider services, string email, string role, CliText text)
    {
        var actor = await services.GetRequiredService<IAccountCommands>().ActorAsync(email);
        if (actor is null)
        {
            return (null, text.Format("cli.sign-in.no-account", email));
        }

        return actor.IsInRole(role) ? (actor, null) : (null, text.Format("cli.sign-in.role", email, role));
    }
}
