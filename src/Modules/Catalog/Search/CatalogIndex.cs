using Funeng.Kernel.Database;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Funeng.Catalog.Search;

/// <summary>
/// The one Lucene index writer of this process and a near-real-time searcher over it. Lucene allows one writer
/// per index folder; a second process (e.g. the CLI while the web host runs) cannot open it and says so.
/// </summary>
internal sealed class CatalogIndex : IDisposable
{
    private const string FingerprintKey = "funeng.fingerprint";
    private readonly System.Threading.Lock _gate = new();
    private readonly string _path;
    private LuceneDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;

    public CatalogIndex(IOptions<CatalogOptions> options, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        _path = ResolvePath(options.Value.IndexDirectory, database);
    }

    public Analyzer Analyzer { get; } = BilingualAnalyzer.PerField();

    /// <summary>Visibility and facet filters kept between searches of this index.</summary>
    public FilterCache Filters { get; } = new();

    public string Path => _path;

    /// <summary>True while <see cref="SearchIndexer.RebuildAsync"/> writes the index from scratch.</summary>
    public bool Rebuilding { get; set; }

    /// <summary>Replaces every document of one listing or organisation with <paramref name="documents"/> (none removes it).</summary>
    public void Replace(string id, IEnumerable<Document> documents)
    {
        var writer = Writer();
        writer.DeleteDocuments(new Term(IndexFields.Id, id));
        writer.AddDocuments(documents);
    }

    /// <summary>Adds documents without looking for old ones: only after <see cref="DeleteAll"/> (a rebuild).</summary>
    public void Add(IEnumerable<Document> documents) => Writer().AddDocuments(documents);

    public void DeleteAll() => Writer().DeleteAll();

    /// <summary>Makes the changes durable and visible to the next search.</summary>
    public void Commit(string? fingerprint = null)
    {
        lock (_gate)
        {
            var writer = Writer();
            if (fingerprint is not null)
            {
                writer.SetCommitData(new Dictionary<string, string> { [FingerprintKey] = fingerprint });
            }

            writer.Commit();
            _searchers!.MaybeRefreshBlocking();
        }
    }

    /// <summary>The fingerprint of the database state the index was last rebuilt or committed from.</summary>
    public string? Fingerprint()
    {
        Writer();
        var searcher = _searchers!.Acquire();
        try
        {
            return searcher.IndexReader is DirectoryReader reader && reader.IndexCommit.UserData.TryGetValue(FingerprintKey, out var value) ? value : null;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        Writer();
        var searcher = _searchers!.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            Analyzer.Dispose();
            _writer = null;
        }
    }

    private IndexWriter Writer()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        lock (_gate)
        {
            if (_writer is null)
            {
                System.IO.Directory.CreateDirectory(_path);
                _directory = FSDirectory.Open(_path);
                try
                {
                    _writer = new IndexWriter(_directory, new IndexWriterConfig(BilingualAnalyzer.Version, Analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64 });
                }
                catch (LockObtainFailedException e)
                {
                    _directory.Dispose();
                    throw new SearchIndexLockedException(
                        $"The search index at {_path} is open in another process (the web host?); a running web host indexes the change within Catalog:IndexCatchUpSeconds (default 10 s), otherwise the next start does.", e);
                }

                // An empty index has no commit yet; commit once so that readers can open it.
                _writer.Commit();
                _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
            }
        }

        return _writer;
    }

    private static string ResolvePath(string configured, DatabaseSettings database)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Path.GetFullPath(configured);
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            var full = System.IO.Path.GetFullPath(file);
            return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileNameWithoutExtension(full) + ".catalog-index");
        }

        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "postgres";
        return System.IO.Path.GetFullPath(System.IO.Path.Combine("data", "catalog-index-" + name));
    }
}

/// <summary>Another process holds the index's write lock.</summary>
internal sealed class SearchIndexLockedException(string message, Exception inner) : Exception(message, inner);
