using System.Security.Claims;
using Funeng.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Cli;

/// <summary>
/// Lets a command act as a named account (<c>--as EMAIL</c>), so that its decisions and audit entries carry that
/// person's name and are refused to anyone without the role, as on the web.
/// </summary>
internal static class CliSignIn
{
    /// <summary>The account's principal, or an error message naming what is wrong.</summary>
    public static async Task<(ClaimsPrincipal? Principal, string? Error)> PrincipalAsync(IServiceProvider services, string email, string role)
    {
        var users = services.GetRequiredService<UserManager<FunengUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return (null, $"--as: no account has the email {email}.");
        }

        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<FunengUser>>().CreateAsync(user);
        return principal.IsInRole(role) ? (principal, null) : (null, $"--as: {email} does not have the role {role}.");
    }
}
