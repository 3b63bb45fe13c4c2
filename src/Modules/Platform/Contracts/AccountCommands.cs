using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Funeng.Platform.Demo;
using Funeng.Platform.Tokens;
using Microsoft.AspNetCore.Identity;

namespace Funeng.Platform.Contracts;

/// <summary>Account administration outside the web pages: the command line, and test fixtures that provision accounts.</summary>
public sealed class AccountCommands
{
    private readonly UserManager<FunengUser> _users;
    private readonly IUserClaimsPrincipalFactory<FunengUser> _principals;
    private readonly PlatformDb _db;
    private readonly TimeProvider _clock;

    internal AccountCommands(UserManager<FunengUser> users, IUserClaimsPrincipalFactory<FunengUser> principals, PlatformDb db, TimeProvider clock)
    {
        _users = users;
        _principals = principals;
        _db = db;
        _clock = clock;
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

    /// <summary>Creates an active organisation, as one the office creates (no 实名核验 wait); returns its id.</summary>
    public async Task<Guid> CreateOrganisationAsync(string nameZh, string nameEn, OrganisationKind kind, string? citySlug, CancellationToken cancellationToken = default)
    {
        var organisation = new Organisation { Id = Guid.NewGuid(), NameZh = nameZh, NameEn = nameEn, Kind = kind, CitySlug = citySlug, CreatedAt = _clock.GetUtcNow() };
        _db.Organisations.Add(organisation);
        await _db.SaveChangesAsync(cancellationToken);
        return organisation.Id;
    }

    /// <summary>Creates a confirmed account in <paramref name="organisationId"/> holding <paramref name="role"/>; returns its user id.</summary>
    public async Task<string> CreateAccountAsync(string email, string password, string displayName, Guid organisationId, string role)
    {
        var user = new FunengUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, OrganisationId = organisationId };
        Check(await _users.CreateAsync(user, password));
        Check(await _users.AddToRoleAsync(user, role));
        return user.Id;
    }

    /// <summary>Issues an API token for the account, valid <paramref name="daysValid"/> days; returns its secret (shown once).</summary>
    public async Task<string> IssueApiTokenAsync(string userId, string name, int daysValid, CancellationToken cancellationToken = default) =>
        (await ManageApiTokens.CreateAsync(_db, userId, name, daysValid, _clock, cancellationToken)).Secret;

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
        Check(await _users.ResetPasswordAsync(user, token, password));
        return password;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
