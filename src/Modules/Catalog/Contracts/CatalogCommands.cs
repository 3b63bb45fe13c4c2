using System.Globalization;
using Funeng.Catalog.Import;
using Funeng.Catalog.SavedSearches;
using Funeng.Catalog.Search;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;
using Microsoft.Extensions.Logging;

namespace Funeng.Catalog.Contracts;

/// <summary>Catalog administration for the command line: imports and index rebuilds.</summary>
public sealed class CatalogCommands
{
    private readonly CatalogImporter _importer;
    private readonly SearchIndexer _indexer;
    private readonly SavedSearchAlerts _alerts;
    private readonly ILogger<CatalogCommands> _logger;
    private readonly UiText _text;

    internal CatalogCommands(CatalogImporter importer, SearchIndexer indexer, SavedSearchAlerts alerts, ILogger<CatalogCommands> logger, UiText text)
    {
        _importer = importer;
        _indexer = indexer;
        _alerts = alerts;
        _logger = logger;
        _text = text;
    }

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
    public sealed record ImportOutcome(string Format, int Rows, int Added, int Updated, int Unchanged, int OrganisationsAdded, IReadOnlyList<string> Problems, bool IndexedHere = false)
    {
        /// <summary>What the reader changed, e.g. a GBK file converted to UTF-8.</summary>
        public IReadOnlyList<string> Notes { get; init; } = [];
    }

    /// <summary>Imports a CSV or .xlsx file, all or nothing.</summary>
    public async Task<ImportOutcome> ImportAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            var r = await _importer.ImportAsync(stream, path, progress, cancellationToken);
            if (r.IndexedNow)
            {
                // No web host holds the index: this process is its writer, so it also brings it up to date and
                // announces the publications, as the host's catch-up would. The rows are committed whatever happens
                // here; what is left undone, the next process to hold the index does.
                try
                {
                    await _indexer.CatchUpAsync(cancellationToken);
                    await _alerts.DrainAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning(e, "Imported, but the search index catch-up or the saved-search alerts did not finish; the web host does them on its next round");
                }
            }

            return new ImportOutcome(r.Format, r.Rows, r.ListingsAdded, r.ListingsUpdated, r.ListingsUnchanged, r.OrganisationsAdded, r.Errors.Select(e => e.Describe(_text, CultureInfo.CurrentUICulture)).ToList(), r.IndexedNow) { Notes = r.Notes };
        }
        catch (InvalidInputException e)
        {
            return new ImportOutcome("unknown", 0, 0, 0, 0, 0, e.Describe(_text).SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")).ToList());
        }
    }

    /// <summary>
    /// Recreates the search index from the database; reports (done, total). Returns the listings indexed. Throws
    /// <see cref="InvalidOperationException"/> when another process (the web host) holds the index.
    /// </summary>
    public Task<int> RebuildSearchIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default) =>
        _indexer.RebuildAsync(progress, cancellationToken);
}
