using Funeng.Kernel.Database;
using Funeng.Kernel.Web;
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
/// This process's view of the catalog's Lucene index folder. Exactly one process writes a folder at any time, and
/// which one is decided by the folder's write lock (<see cref="ProcessLockFactory"/>), never by timing: the process
/// that obtains it holds an <see cref="IndexWriter"/> and searches near-real-time; any other process reads only
/// committed segments (refreshed at most once a second, a failed refresh keeps the previous reader and is retried
/// on the next search) and leaves changes to the writer, which catches up from the database
/// (<see cref="SavedSearches.IndexCatchUp"/>). See docs/decisions/0010-one-index-writer.md.
/// </summary>
internal sealed class CatalogIndex : IDisposable
{
    private const string FingerprintKey = "funeng.fingerprint";
    private static readonly TimeSpan ReaderRefresh = TimeSpan.FromSeconds(1);
    private readonly System.Threading.Lock _gate = new();
    private readonly string _path;
    private LuceneDirectory? _directory;
    private ProcessLockFactory? _locks;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;
    private long _refreshedAt;

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

    /// <summary>
    /// One writer's turn at a time within this process: a change's re-indexing and the catch-up each read the database
    /// and then write, so without turns a catch-up that read a listing just before it was withdrawn could write the
    /// published document back after the withdrawal had removed it. Taking turns, whoever writes last read last.
    /// </summary>
    public SemaphoreSlim WriterTurn { get; } = new(1, 1);

    /// <summary>True when this process holds the folder's write lock.</summary>
    public bool IsWriter => Volatile.Read(ref _writer) is not null;

    /// <summary>
    /// Takes the folder's write lock unless another process holds it (no waiting). True when this process is,
    /// or has just become, the index's writer; a reader calls it again later to take over from a writer that exited.
    /// A writer whose lock file was removed under it lets go first (<see cref="ProcessLockFactory.StillHolds"/>).
    /// </summary>
    public bool TryTakeWriter()
    {
        if (IsWriter && _locks!.StillHolds())
        {
            return true;
        }

        lock (_gate)
        {
            if (_writer is not null)
            {
                if (_locks!.StillHolds())
                {
                    return true;
                }

                LetGo();
            }

            IndexWriter writer;
            try
            {
                writer = new IndexWriter(Directory(), new IndexWriterConfig(BilingualAnalyzer.Version, Analyzer)
                {
                    OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64, WriteLockTimeout = 0,
                });
            }
            catch (LockObtainFailedException)
            {
                return false;
            }

            SearcherManager searchers;
            try
            {
                // An empty index has no commit yet; commit once so that readers (here and in other processes) can open it.
                writer.Commit();
                searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
            }
            catch
            {
                // Else the lock stays with a writer nobody holds until the garbage collector closes its file, at a time
                // nobody chose, while this process believes another one writes.
                writer.Rollback();
                throw;
            }

            var previous = _searchers;
            _searchers = searchers;
            Volatile.Write(ref _writer, writer);
            previous?.Dispose();
            return true;
        }
    }

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

    /// <summary>
    /// Merges the index into one segment; only after a rebuild, which has just written every document anew. A search
    /// opens each clause's postings in every segment, so at 1 M listings eight segments cost a tenth of a search's
    /// time and three times its garbage (bench/results/catalog.md, stop 22); later changes add small segments, which
    /// Lucene's merge policy folds in as usual.
    /// </summary>
    public void MergeSegments() => Writer().ForceMerge(1);

    /// <summary>
    /// Makes the changes durable and visible to the next search. <paramref name="fingerprint"/> records the database
    /// state everything up to which the index now holds (rebuild, catch-up); a commit without one keeps the last.
    /// </summary>
    public void Commit(string? fingerprint = null)
    {
        lock (_gate)
        {
            var writer = Writer();
            if (!_locks!.StillHolds())
            {
                // The lock file was removed under us, so another process may write this folder now: this turn's
                // documents are dropped (the database has them; the catch-up of whoever writes adds them).
                LetGo();
                throw new DomainRuleException(ProblemMessage.Of("catalog.search.locked", _path));
            }

            if (fingerprint is not null)
            {
                writer.SetCommitData(new Dictionary<string, string> { [FingerprintKey] = fingerprint });
            }

            writer.Commit();
            _searchers!.MaybeRefreshBlocking();
        }
    }

    /// <summary>The fingerprint of the database state the index was last rebuilt or caught up from.</summary>
    public string? Fingerprint()
    {
        if (_writer is { } writer)
        {
            return writer.CommitData.TryGetValue(FingerprintKey, out var held) ? held : null;
        }

        return Search(searcher => searcher.IndexReader is DirectoryReader reader && reader.IndexCommit.UserData.TryGetValue(FingerprintKey, out var value) ? value : null);
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var searchers = Searchers();
        if (searchers is null)
        {
            // Another process writes this folder and has not committed anything yet: nothing to find.
            using var empty = new MultiReader();
            return search(new IndexSearcher(empty));
        }

        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
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
            _searchers = null;
            _writer = null;
        }
    }

    /// <summary>The writer, taken if need be; per document, so it does not look at the lock file each time (Commit does).</summary>
    private IndexWriter Writer() =>
        Volatile.Read(ref _writer) ?? (TryTakeWriter()
            ? _writer!
            : throw new DomainRuleException(ProblemMessage.Of("catalog.search.locked", _path)));

    /// <summary>
    /// Stops being the writer without committing (a disposed writer would commit): releases the lock and reads
    /// commits from now on. Under <see cref="_gate"/>.
    /// </summary>
    private void LetGo()
    {
        var writer = _writer!;
        Volatile.Write(ref _writer, null);
        var searchers = _searchers;
        _searchers = null;
        searchers?.Dispose();
        try
        {
            writer.Rollback();
        }
        catch (IOException)
        {
            // A failed rollback still closes the writer and releases its lock (IndexWriter.RollbackInternal).
        }
    }

    /// <summary>The writer's near-real-time searchers, or (reading another process's index) searchers over its last commit.</summary>
    private SearcherManager? Searchers()
    {
        if (IsWriter)
        {
            return _searchers;
        }

        lock (_gate)
        {
            if (_writer is not null)
            {
                return _searchers;
            }

            try
            {
                if (_searchers is null)
                {
                    _searchers = new SearcherManager(Directory(), searcherFactory: null);
                    _refreshedAt = Environment.TickCount64;
                }
                else if (Environment.TickCount64 - _refreshedAt >= ReaderRefresh.TotalMilliseconds)
                {
                    _refreshedAt = Environment.TickCount64;
                    _searchers.MaybeRefresh();
                }
            }
            catch (IOException)
            {
                // No commit yet, or the writer's commit replaced files while we opened them: keep what we had, retry on the next search.
            }

            return _searchers;
        }
    }

    private LuceneDirectory Directory()
    {
        if (_directory is null)
        {
            System.IO.Directory.CreateDirectory(_path);
            _locks = new ProcessLockFactory(_path);
            // Memory-mapped through our own reader, not Lucene.Net 4.8's (which tracks every clone of an input in a
            // weak table, and a long-running server's collections grew slower search after search) nor through file
            // handles (a system call and a copy per kilobyte read): docs/decisions/0017-index-reading.md.
            _directory = new MappedDirectory(new DirectoryInfo(_path), _locks);
        }

        return _directory;
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
