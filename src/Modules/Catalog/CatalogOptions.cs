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

    /// <summary>The folder holding the real data sets the demo catalog is imported from.</summary>
    public string DemoDataDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData");
}
