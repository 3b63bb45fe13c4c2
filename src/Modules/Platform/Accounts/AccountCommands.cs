using Funeng.Kernel.Security;
using Funeng.Platform.Contracts;
using Funeng.Platform.Data;
using Funeng.Platform.Demo;
using Funeng.Platform.Tokens;
using Microsoft.AspNetCore.Identity;

namespace Funeng.Platform.Accounts;

/// <summary>The <see cref="IAccountCommands"/> of the command line and the test fixtures, over Identity and Platform's tables.</summary>
internal sealed class AccountCommands(UserManager<FunengUser> users, IUserClaimsPrincipalFactory<FunengUser> principals, PlatformDb db, ApiTokenCommands tokens, TimeProvider clock)
    : IAccountCommands
{
    public async Task<IActor?> ActorAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        return user is null ? null : Actor.From(await principals.CreateAsync(user));
    }

    public async Task<Guid> CreateOrganisationAsync(string nameZh, string nameEn, OrganisationKind kind, string? citySlug, CancellationToken cancellationToken = default)
    {
        var organisation = new Organisation { Id = Guid.NewGuid(), NameZh = nameZh, NameEn = nameEn, Kind = kind, CitySlug = citySlug, CreatedAt = clock.GetUtcNow() };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation.Id;
    }

    public async Task<string> CreateAccountAsync(string email, string password, string displayName, Guid organisationId, string role)
    {
        var user = new FunengUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, OrganisationId = organisationId };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    public async Task<string> IssueApiTokenAsync(string userId, string name, int daysValid, CancellationToken cancellationToken = default) =>
        (await tokens.IssueAsync(userId, name, daysValid, parentTokenId: null, cancellationToken)).Secret;

    public async Task<string?> ResetPasswordAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return null;
        }

        var password = DemoAccounts.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
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
