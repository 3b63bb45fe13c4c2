namespace Funeng.Policy.Contracts;

/// <summary>The outcome of importing a pack: which pack, whether anything changed, and how much it holds.</summary>
public sealed record PolicyPackImport(string PackId, string Version, bool Changed, int Documents, int Measures, int Targets);

/// <summary>Loading a pack folder into the database (the CLI's <c>policy import</c>); checking one needs no host: <see cref="PolicyModule.ValidatePack"/>.</summary>
public interface IPolicyPacks
{
    /// <summary>Checks and imports, all or nothing. Throws <see cref="Kernel.Web.InvalidInputException"/> when invalid.</summary>
    Task<PolicyPackImport> ImportAsync(string directory, CancellationToken cancellationToken = default);
}
