using System.Security.Claims;
using Funeng.Kernel.Security;
using Funeng.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Platform.Accounts;

/// <summary>
/// Adds the user's organisation and display name to the principal, for organisation-scoped checks. People of an
/// organisation that is not yet verified (or was refused) sign in without their roles: every module's publish,
/// apply and submit actions require a role, so none of them is open to an unverified organisation.
/// </summary>
internal sealed class FunengClaimsFactory(
    UserManager<FunengUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    PlatformDb db)
    : UserClaimsPrincipalFactory<FunengUser, IdentityRole>(users, roles, options)
{
    /// <summary>Present while the user's organisation waits for verification or was refused.</summary>
    public const string UnverifiedClaim = "funeng:unverified";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FunengUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FunengClaims.Organisation, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(FunengClaims.DisplayName, user.DisplayName));
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => new { o.Status, o.CitySlug }).SingleOrDefaultAsync();
        if (organisation?.CitySlug is { Length: > 0 } city)
        {
            identity.AddClaim(new Claim(FunengClaims.City, city));
        }

        var status = organisation?.Status;
        if (status is OrganisationStatus.AwaitingVerification or OrganisationStatus.Refused)
        {
            foreach (var role in identity.FindAll(identity.RoleClaimType).ToList())
            {
                identity.RemoveClaim(role);
            }

            identity.AddClaim(new Claim(UnverifiedClaim, status.Value.ToString()));
        }

        return identity;
    }
}
