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
    /// How many of a broad query's hits the full query ranks for a first page of 20 (more for a search that asks for
    /// more): the best by a plain BM25 first pass over the query's terms (QueryPlan.ToCandidateQuery). Chosen on the
    /// 1 M benchmark (bench/results/catalog.md, decision 0014): the first 20 stay those of the exact search for nearly
    /// every query, as with 5,000 before the first pass weighed all of a typed word's terms. The earlier cap, the
    /// first 20,000 hits in index order, kept only 0–5 of them and was turned off.
    /// </summary>
    public const int DefaultSearchCandidates = 1_000;

    /// <summary>
    /// Hits whose facet values a search counts before it scales the counts up and marks them approximate; a broad
    /// search's first pass also counts its hits exactly up to this many and estimates the rest (FirstPass).
    /// </summary>
    public const int DefaultFacetSample = 20_000;

    /// <summary>
    /// Below this many documents a relevance search ranks every hit with its full query (no first pass), so totals and
    /// order are exact. There the first pass saves nothing measurable (alternate runs at 20,000 and 100,000 listings
    /// measured the same), and a catalog of a few thousand listings would otherwise say "about 1,049 results, too many
    /// to rank them all" (bench/results/catalog.md, stop 24). At 200,000 and 1 M the first pass pays.
    /// </summary>
    public const int DefaultSearchRankAllBelow = 100_000;

    /// <summary>
    /// How many first-pass candidates a relevance-ordered search for a page of 20 ranks with its full query when more
    /// match (a deeper or any-term search ranks more: HitBudgets.CandidatesFor): the total is then shown as an estimate
    /// ("about", the first pass's count) and so are the facet counts.
    /// </summary>
    public int SearchCandidates { get; set; } = DefaultSearchCandidates;

    /// <summary>Below how many documents in the index a search ranks every hit (see <see cref="DefaultSearchRankAllBelow"/>).</summary>
    public int SearchRankAllBelow { get; set; } = DefaultSearchRankAllBelow;

    /// <summary>How many hits' facet values are counted; beyond it the counts are scaled from this sample and shown as approximate.</summary>
    public int FacetSample { get; set; } = DefaultFacetSample;

    /// <summary>
    /// How many threads one broad search may read and score on at once, one per 2,500 candidates it ranks
    /// (HitBudgets.PartsFor): by default one per core, at most four. Matchmaking (5,000 candidates) at 1 M listings
    /// runs its first pass and its full query in two parts, a tenth to a sixth faster on two cores; a search of 1,000
    /// stays on one thread (bench/results/scenarios.md, stop 31); 1 runs every search on its request's thread alone.
    /// A search takes one thread fewer for each other search running in the process at the time, so that two needs at
    /// once on two cores run one thread each (split, they ran a sixth fewer needs a second; stop 32).
    /// </summary>
    public int SearchParallelism { get; set; } = DefaultSearchParallelism;

    /// <summary>One per core, at most four (see <see cref="SearchParallelism"/>).</summary>
    public static int DefaultSearchParallelism { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The folder holding the real data sets the demo catalog is imported from.</summary>
    public string DemoDataDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData");
}
