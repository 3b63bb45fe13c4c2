using System.Security.Claims;
using Funeng.Kernel.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Funeng.Platform.Accounts;

/// <summary>Adds the user's organisation and display name to the principal, for organisation-scoped checks.</summary>
internal sealed class FunengClaimsFactory(
    UserManager<FunengUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<FunengUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FunengUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FunengClaims.Organisation, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(FunengClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
