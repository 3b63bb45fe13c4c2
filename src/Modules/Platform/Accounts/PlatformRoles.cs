using Funeng.Kernel.Security;
using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Microsoft.AspNetCore.Identity;

namespace Funeng.Platform.Accounts;

/// <summary>Creates the platform's roles on every start, so every environment has them.</summary>
internal sealed class PlatformRoles(RoleManager<IdentityRole> roles) : IStartupInitializer
{
    public async Task InitializeAsync(Action<ProblemMessage> report, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}.");
                }
            }
        }
    }
}
