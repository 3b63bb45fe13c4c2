using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;

namespace Funeng.Platform.Demo;

/// <summary>Seeds the demo organisations and accounts and reports the new passwords, once.</summary>
internal sealed class PlatformDemoSeeder(DemoAccounts accounts) : IDemoSeeder
{
    public async Task<IReadOnlyList<ProblemMessage>> SeedAsync(CancellationToken cancellationToken)
    {
        var created = await accounts.SeedAsync(cancellationToken);
        if (created.Count == 0)
        {
            return [];
        }

        var lines = new List<ProblemMessage> { ProblemMessage.Of("platform.demo.accounts") };
        lines.AddRange(created.Select(c => ProblemMessage.Of("platform.demo.account", ProblemMessage.Of("role." + c.Role), c.Email, c.Password)));
        return lines;
    }
}
