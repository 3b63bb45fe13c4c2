using Funeng.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Funeng.Platform.Accounts;

/// <summary>
/// Password sign-in that tells a caller nothing about the account: an unknown email, a wrong password and a
/// locked-out account give the same answer after the same work (one password-hash check each), so neither the
/// message nor the timing shows whether an address has an account.
/// </summary>
internal sealed class PasswordSignIn(SignInManager<FunengUser> signIn, UserManager<FunengUser> users)
{
    // A hash of a random password, made once with the configured hasher, so an unknown account costs what a known one does.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<FunengUser>().HashPassword(new FunengUser(), Guid.NewGuid().ToString("N")));

    /// <summary>Signs in with the cookie; true when it succeeded.</summary>
    public async Task<bool> SignInAsync(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var user = await users.FindByNameAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The same hash work as a real check; the result is thrown away.
            users.PasswordHasher.VerifyHashedPassword(user ?? new FunengUser(), DecoyHash.Value, password);
            return false;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded;
    }
}
