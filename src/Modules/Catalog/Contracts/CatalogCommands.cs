using Funeng.Catalog.Import;
using Funeng.Catalog.Search;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Contracts;

/// <summary>Catalog administration for the command line: imports and index rebuilds.</summary>
public sealed class CatalogCommands
{
    private readonly CatalogImporter _importer;
    private readonly SearchIndexer _indexer;

    internal CatalogCommands(CatalogImporter importer, SearchIndexer indexer)
    {
        _importer = importer;
        _indexer = indexer;
    }

    /// <summary>The outcome of an import: counts, or the problems (each naming row and column) that refused it.</summary>
    /// <param name="Format">The recognised file format.</param>
    /// <param name="Rows">Data rows read.</param>
    /// <param name="Added">Listings added.</param>
    /// <param name="Updated">Listings updated (re-import).</param>
    /// <param name="Unchanged">Listings already up to date.</param>
    /// <param name="OrganisationsAdded">Organisation profiles created.</param>
    /// <param name="Problems">Empty on success; otherwise "row N, column C: message" lines, and nothing was written.</param>
    public sealed record ImportOutcome(string Format, int Rows, int Added, int Updated, int Unchanged, int OrganisationsAdded, IReadOnlyList<string> Problems);

    /// <summary>Imports a CSV or .xlsx file, all or nothing.</summary>
    public async Task<ImportOutcome> ImportAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            var r = await _importer.ImportAsync(stream, path, progress, cancellationToken);
            return new ImportOutcome(r.Format, r.Rows, r.ListingsAdded, r.ListingsUpdated, r.ListingsUnchanged, r.OrganisationsAdded, r.Errors.Select(e => e.ToString()).ToList());
        }
        catch (InvalidInputException e)
        {
            return new ImportOutcome("unknown", 0, 0, 0, 0, 0, e.Errors.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")).ToList());
        }
    }

    /// <summary>Recreates the search index from the database; reports (done, total). Returns the listings indexed.</summary>
    public Task<int> RebuildSearchIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default) =>
        _indexer.RebuildAsync(progress, cancellationToken);
}
