using Funeng.Kernel.Security;
using Funeng.Platform.Accounts;
using Funeng.Platform.Demo;
using Microsoft.AspNetCore.Identity;

namespace Funeng.Platform.Contracts;

/// <summary>Account administration for the command line.</summary>
public sealed class AccountCommands
{
    private readonly UserManager<FunengUser> _users;
    private readonly IUserClaimsPrincipalFactory<FunengUser> _principals;

    internal AccountCommands(UserManager<FunengUser> users, IUserClaimsPrincipalFactory<FunengUser> principals)
    {
        _users = users;
        _principals = principals;
    }

    /// <summary>
    /// The account with <paramref name="email"/> as an actor, with the same claims (organisation, roles, city) a
    /// sign-in on the web gives it; null if there is no such account. The CLI's <c>--as</c> acts through this.
    /// </summary>
    public async Task<IActor?> ActorAsync(string email)
    {
        var user = await _users.FindByEmailAsync(email);
        return user is null ? null : Actor.From(await _principals.CreateAsync(user));
    }

    /// <summary>Sets a new random password for the user with <paramref name="email"/> and returns it, or null if there is no such user.</summary>
    public async Task<string?> ResetPasswordAsync(string email)
    {
        var user = await _users.FindByEmailAsync(email);
        if (user is null)
        {
            return null;
        }

        var password = DemoAccounts.NewPassword();
        var token = await _users.GeneratePasswordResetTokenAsync(user);
        var result = await _users.ResetPasswordAsync(user, token, password);
        return result.Succeeded
            ? password
            : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
