using Funeng.Catalog.Search;
using Funeng.Kernel.Database;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// Decision 0017: the catalog index is read through file handles. Lucene.Net 4.8's memory-mapped reader, which
/// <c>FSDirectory.Open</c> picks on Linux, made a long-running server's searches slower and slower
/// (bench/results/catalog.md, "Sustained").
/// </summary>
public sealed class IndexReadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funeng-reading-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_index_is_read_through_file_handles_not_memory_maps()
    {
        using var index = new CatalogIndex(Options.Create(new CatalogOptions { IndexDirectory = _folder }),
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "unused.db")}"));
        index.Commit();

        var directory = index.Search(searcher => ((DirectoryReader)searcher.IndexReader).Directory);

        Assert.IsType<SimpleFSDirectory>(directory);
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
