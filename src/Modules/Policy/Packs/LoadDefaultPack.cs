using Funeng.Kernel.Startup;
using Funeng.Kernel.Web;
using Funeng.Policy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Funeng.Policy.Packs;

/// <summary>On a database with no pack yet, loads the default pack (Guangdong) so a new install has its targets.</summary>
internal sealed class LoadDefaultPack(PolicyDb db, ImportPolicyPack importer, IOptions<PolicyOptions> options) : IStartupInitializer
{
    public async Task InitializeAsync(Action<ProblemMessage> report, CancellationToken cancellationToken)
    {
        if (await db.Packs.AnyAsync(cancellationToken))
        {
            return;
        }

        var outcome = await importer.ImportAsync(options.Value.DefaultPackDirectory, cancellationToken);
        report(ProblemMessage.Of("policy.startup.pack-loaded", outcome.PackId, outcome.Version, outcome.Documents, outcome.Measures, outcome.Targets));
    }
}
