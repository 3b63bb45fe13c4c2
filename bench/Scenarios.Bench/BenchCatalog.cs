using Funeng.Catalog;
using Funeng.Catalog.Contracts;
using Funeng.Catalog.Data;
using Funeng.Catalog.Import;
using Funeng.Catalog.Search;
using Funeng.Kernel.DataFiles;
using Funeng.Kernel.Database;
using Microsoft.Extensions.Options;

namespace Funeng.Scenarios.Bench;

/// <summary>
/// The Catalog's own Lucene index and search (the code the platform runs), filled straight from listing records:
/// the demo catalog's real data for the quality run, generated listings for the latency run.
/// </summary>
internal sealed class BenchCatalog : IDisposable
{
    private BenchCatalog(string folder, string indexDirectory)
    {
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "unused.db")}");
        Index = new CatalogIndex(Options.Create(new CatalogOptions { IndexDirectory = indexDirectory }), settings);
        Search = new CatalogSearch(Index);
    }

    public CatalogIndex Index { get; }

    public CatalogSearch Search { get; }

    public static string DemoDataDirectory => Path.Combine(AppContext.BaseDirectory, "catalog-demo-data", "DemoData");

    public static BenchCatalog Create(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }

        Directory.CreateDirectory(folder);
        return new BenchCatalog(folder, Path.Combine(folder, "lucene"));
    }

    /// <summary>The index in <paramref name="indexDirectory"/> (outside the repository), kept as it is: filled once, reused by later runs.</summary>
    public static BenchCatalog Keep(string folder, string indexDirectory)
    {
        Directory.CreateDirectory(folder);
        return new BenchCatalog(folder, indexDirectory);
    }

    /// <summary>Whether <paramref name="indexDirectory"/> already holds a committed index.</summary>
    public static bool HasIndex(string indexDirectory) => Directory.Exists(indexDirectory) && Directory.GetFiles(indexDirectory, "segments_*").Length > 0;

    private readonly Dictionary<Guid, Guid> _ownerOf = [];

    private readonly Dictionary<Guid, string> _titleOf = [];

    /// <summary>The owner (supplier) of each listing the demo catalog added.</summary>
    public IReadOnlyDictionary<Guid, Guid> OwnerOf => _ownerOf;

    /// <summary>The Chinese title of each listing the demo catalog added (for the labelled set's diagnosis).</summary>
    public IReadOnlyDictionary<Guid, string> TitleOf => _titleOf;

    public void Add(ListingRecord listing, string ownerName) =>
        Index.Add(SearchDocuments.ForListing(listing, listing.Content, new IndexedOwner(listing.OwnerOrganisationId, ownerName, "", [])));

    /// <summary>Imports the demo catalog's three real files as the platform's importer parses them; returns listing id → import key.</summary>
    public IReadOnlyDictionary<Guid, string> AddDemoCatalog()
    {
        var keys = new Dictionary<Guid, string>();
        _ownerOf.Clear();
        _titleOf.Clear();
        var owners = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (_, file) in CatalogDemoSeeder.Files)
        {
            var path = Path.Combine(DemoDataDirectory, file);
            using var stream = File.OpenRead(path);
            var batch = ImportFormats.Parse(TabularFile.Read(stream, path));
            foreach (var imported in batch.Listings)
            {
                if (!owners.TryGetValue(imported.Owner.Key, out var owner))
                {
                    owners[imported.Owner.Key] = owner = Guid.NewGuid();
                }

                var listing = new ListingRecord
                {
                    Id = Guid.NewGuid(), Type = imported.Type, OwnerOrganisationId = owner, Status = ListingStatus.Published,
                    Content = imported.Content, PublishedVersion = 1, UpdatedAt = DateTimeOffset.UnixEpoch,
                };
                Add(listing, imported.Owner.NameZh);
                keys[listing.Id] = imported.SourceId;
                _ownerOf[listing.Id] = owner;
                _titleOf[listing.Id] = imported.Content.TitleZh;
            }
        }

        Index.Commit();
        return keys;
    }

    public void Dispose() => Index.Dispose();
}
