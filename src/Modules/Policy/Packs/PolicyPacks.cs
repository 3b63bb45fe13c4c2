using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Web;
using Funeng.Policy.Contracts;

namespace Funeng.Policy.Packs;

/// <summary>Checking a pack folder (<see cref="PolicyPackReader"/>) and importing it (<see cref="ImportPolicyPack"/>).</summary>
internal sealed class PolicyPacks(ImportPolicyPack importer) : IPolicyPacks
{
    public static IReadOnlyList<DataFileError> Validate(string directory)
    {
        try
        {
            PolicyPackReader.Read(directory);
            return [];
        }
        catch (InvalidInputException e)
        {
            return DataFileError.Among(e);
        }
    }

    public async Task<PolicyPackImport> ImportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var outcome = await importer.ImportAsync(directory, cancellationToken);
        return new PolicyPackImport(outcome.PackId, outcome.Version, outcome.Changed, outcome.Documents, outcome.Measures, outcome.Targets);
    }
}
