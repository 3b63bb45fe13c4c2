using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Web;
using Funeng.Policy.Packs;

namespace Funeng.Policy.Contracts;

/// <summary>What the CLI does with packs: validate a folder, or import it.</summary>
public sealed class PolicyPackCommands
{
    private readonly ImportPolicyPack _importer;

    internal PolicyPackCommands(ImportPolicyPack importer) => _importer = importer;

    /// <summary>The outcome of an import.</summary>
    public sealed record ImportResult(string PackId, string Version, bool Changed, int Documents, int Measures, int Targets);

    /// <summary>Validates without touching the database; returns the problems (empty when valid).</summary>
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

    /// <summary>Validates and imports, all or nothing. Throws <see cref="InvalidInputException"/> when invalid.</summary>
    public async Task<ImportResult> ImportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var outcome = await _importer.ImportAsync(directory, cancellationToken);
        return new ImportResult(outcome.PackId, outcome.Version, outcome.Changed, outcome.Documents, outcome.Measures, outcome.Targets);
    }
}
