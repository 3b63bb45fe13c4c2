using Funeng.Kernel.Startup;
using Funeng.Policy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Funeng.Policy.Packs;

/// <summary>On a database with no pack yet, loads the default pack (Guangdong) so a new install has its targets.</summary>
internal sealed class LoadDefaultPack(PolicyDb db, ImportPolicyPack importer, IOptions<PolicyOptions> options, ILogger<LoadDefaultPack> logger) : IStartupInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (await db.Packs.AnyAsync(cancellationToken))
        {
            return;
        }

        var outcome = await importer.ImportAsync(options.Value.DefaultPackDirectory, cancellationToken);
        logger.LogInformation(
            "Loaded policy pack {Pack} {Version}: {Documents} documents, {Measures} measures, {Targets} targets",
            outcome.PackId, outcome.Version, outcome.Documents, outcome.Measures, outcome.Targets);
    }
}
