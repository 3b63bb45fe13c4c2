using Funeng.Kernel.Startup;
using Funeng.Platform.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Funeng.Web.BrowserTests;

/// <summary>
/// The browser app with the demo seed (every demo organisation, account and data set), so that pages show the
/// data a person really sees. The demo accounts' passwords are generated at seeding and kept here.
/// </summary>
public sealed class DemoBrowserApp : BrowserApp
{
    internal IReadOnlyDictionary<string, DemoAccounts.Credential> AccountsByRole { get; private set; } =
        new Dictionary<string, DemoAccounts.Credential>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            // Accounts first: the sequence below reports passwords only as text, and only for accounts it creates.
            var credentials = await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync();
            AccountsByRole = credentials.ToDictionary(c => c.Role);
        }

        await Services.GetRequiredService<StartupSequence>().SeedDemoAsync();
    }
}
