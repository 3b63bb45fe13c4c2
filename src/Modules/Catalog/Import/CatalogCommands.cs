using System.Globalization;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.SavedSearches;
using Funeng.Catalog.Search;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Catalog.Import;

/// <summary>
/// The command line's imports and index rebuilds. It sits in Import, above Search and SavedSearches, because an
/// import run outside the web host also does the host's catch-up and alerts.
/// </summary>
internal sealed class CatalogCommands(CatalogImporter importer, SearchIndexer indexer, SavedSearchAlerts alerts, OperatorLog<CatalogCommands> log, UiText text)
    : ICatalogCommands
{
    public async Task<CatalogImportOutcome> ImportAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        try
        {
            var worded = progress is null ? null : new WordedProgress(progress, text, CultureInfo.CurrentUICulture);
            var r = await importer.ImportAsync(stream, path, worded, cancellationToken);
            if (r.IndexedNow)
            {
                // No web host holds the index: this process is its writer, so it also brings it up to date and
                // announces the publications, as the host's catch-up would. The rows are committed whatever happens
                // here; what is left undone, the next process to hold the index does.
                try
                {
                    await indexer.CatchUpAsync(cancellationToken);
                    await alerts.DrainAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.Warning(ProblemMessage.Of("catalog.log.imported-follow-up-unfinished"), e);
                }
            }

            return new CatalogImportOutcome(r.Format, r.Rows, r.ListingsAdded, r.ListingsUpdated, r.ListingsUnchanged, r.OrganisationsAdded, r.Errors.Select(e => e.Describe(text, CultureInfo.CurrentUICulture)).ToList(), r.IndexedNow) { Notes = r.Notes.Select(n => n.In(text, CultureInfo.CurrentUICulture)).ToList() };
        }
        catch (InvalidInputException e)
        {
            return new CatalogImportOutcome("unknown", 0, 0, 0, 0, 0, e.Describe(text).SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")).ToList());
        }
    }

    public Task<int> RebuildSearchIndexAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default) =>
        indexer.RebuildAsync(progress, cancellationToken);

    /// <summary>The importer's keyed steps, worded in the command's language for whoever shows them.</summary>
    private sealed class WordedProgress(IProgress<string> target, UiText text, CultureInfo culture) : IProgress<ProblemMessage>
    {
        public void Report(ProblemMessage value) => target.Report(value.In(text, culture));
    }
}
