namespace Funeng.Catalog.Contracts;

/// <summary>The outcome of an import: counts, or the problems (each naming row and column) that refused it.</summary>
/// <param name="Format">The recognised file format.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Added">Listings added.</param>
/// <param name="Updated">Listings updated (re-import).</param>
/// <param name="Unchanged">Listings already up to date.</param>
/// <param name="OrganisationsAdded">Organisation profiles created.</param>
/// <param name="Problems">Empty on success; otherwise "row N, column C: message" lines, and nothing was written.</param>
/// <param name="IndexedHere">
/// True when this process held the search index and indexed the rows (and sent saved-search alerts) itself;
/// false when another process (the web host) holds it and adds them on its next catch-up.
/// </param>
public sealed record CatalogImportOutcome(string Format, int Rows, int Added, int Updated, int Unchanged, int OrganisationsAdded, IReadOnlyList<string> Problems, bool IndexedHere = false)
{
    /// <summary>What the reader changed, e.g. a GBK file converted to UTF-8.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Catalog administration for the command line: imports and index rebuilds.</summary>
public interface ICatalogCommands
{
    /// <summary>Imports a CSV or .xlsx file, all or nothing.</summary>
    Task<CatalogImportOutcome> ImportAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recreates the search index from the database; reports (done, total). Returns the listings indexed. Refuses
    /// with a <see cref="Kernel.Web.DomainRuleException"/> (409) when another process (the web host) holds the index.
    /// </summary>
    Task<int> RebuildSearchIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default);
}
