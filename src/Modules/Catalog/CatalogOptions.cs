namespace Funeng.Catalog;

/// <summary>Options of the Catalog module (section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>
    /// The folder of the Lucene search index. Empty: beside the SQLite file (<c>data/funeng.catalog-index</c>), or
    /// for PostgreSQL <c>data/catalog-index-&lt;database&gt;</c> under the working directory, so that each database
    /// has its own index.
    /// </summary>
    public string IndexDirectory { get; set; } = "";

    /// <summary>
    /// How often the web host looks for catalog changes another process committed (the command-line import) and
    /// indexes them; 0 turns it off (they are then indexed on the next start).
    /// </summary>
    public int IndexCatchUpSeconds { get; set; } = 10;

    /// <summary>
    /// Hits a relevance-ordered search collects over the whole index before it stops (see BoundedCollector). No cap by
    /// default: at 1 M listings a 20,000 cap kept only 0–5 of a broad query's exact first 20 and bought little at p95
    /// (decision 0014), so relevance is computed over every hit unless an operator chooses the trade.
    /// </summary>
    public const int DefaultSearchCandidates = int.MaxValue;

    /// <summary>Hits whose facet values a search counts before it scales the counts up and marks them approximate.</summary>
    public const int DefaultFacetSample = 20_000;

    /// <summary>
    /// How many hits a relevance-ordered search scores at most: beyond it the total is shown as a lower bound
    /// ("more than"); the best hits are the best of these candidates.
    /// </summary>
    public int SearchCandidates { get; set; } = DefaultSearchCandidates;

    /// <summary>How many hits' facet values are counted; beyond it the counts are scaled from this sample and shown as approximate.</summary>
    public int FacetSample { get; set; } = DefaultFacetSample;

    /// <summary>The folder holding the real data sets the demo catalog is imported from.</summary>
    public string DemoDataDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData");
}
