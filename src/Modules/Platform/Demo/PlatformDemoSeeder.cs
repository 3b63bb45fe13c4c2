using Funeng.Kernel.Startup;

namespace Funeng.Platform.Demo;

/// <summary>Seeds the demo organisations and accounts and reports the new passwords, once.</summary>
internal sealed class PlatformDemoSeeder(DemoAccounts accounts) : IDemoSeeder
{
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        var created = await accounts.SeedAsync(cancellationToken);
        if (created.Count == 0)
        {
            return [];
        }

        var lines = new List<string> { "Demo accounts (passwords are shown only now; `./funeng users reset-password EMAIL` makes a new one):" };
        lines.AddRange(created.Select(c => $"  {c.Role,-16} {c.Email,-26} {c.Password}"));
        return lines;
    }
}
