using Lucene.Net.Store;
using LuceneLock = Lucene.Net.Store.Lock;

namespace Funeng.Catalog.Search;

/// <summary>
/// The index folder's write lock, held by the operating system for as long as this process keeps it open.
/// Lucene.Net 4.8's default <see cref="NativeFSLockFactory"/> does not exclude a second process on Linux (two
/// processes both obtain <c>write.lock</c>, then overwrite each other's segment files: issue 18's
/// <c>read past EOF … _3.cfs</c>). Opening the lock file with <see cref="FileShare.None"/> takes an exclusive
/// <c>flock</c> on Unix and a share lock on Windows, which every process honours and the kernel releases when the
/// holder exits, even after kill -9.
/// <para>
/// The kernel's lock belongs to the file, not to its name: a lock file removed while held (an index folder deleted
/// or restored under a running host) leaves the holder locking a file without a name, and the next process creates
/// a new <c>write.lock</c> and obtains it. So an obtain counts only if the file it locked still has its name, and the
/// writer asks <see cref="StillHolds"/> before it commits (docs/decisions/0010).
/// </para>
/// </summary>
internal sealed class ProcessLockFactory : LockFactory
{
    private readonly string _folder;
    private FileLock? _holding;

    public ProcessLockFactory(string folder)
    {
        _folder = folder;
        LockPrefix = null;
    }

    public override LuceneLock MakeLock(string lockName) => new FileLock(this, Path.Combine(_folder, lockName));

    /// <summary>
    /// True while a lock made by this factory is held and its file is still in the folder. False once it was
    /// released, or once its file was removed: then another process may hold a new lock file, and writing on would
    /// make two writers.
    /// </summary>
    public bool StillHolds() => Volatile.Read(ref _holding) is { } held && held.InPlace();

    public override void ClearLock(string lockName)
    {
        // The lock lives in an open handle, not in the file's existence: there is nothing to clear.
    }

    private sealed class FileLock(ProcessLockFactory factory, string path) : LuceneLock
    {
        private FileStream? _held;

        public override bool Obtain()
        {
            if (_held is not null)
            {
                return false;
            }

            // A file removed between our open and our lock is locked in vain; the folder's new file is the lock now.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                FileStream stream;
                try
                {
                    stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException)
                {
                    return false;
                }

                if (!Removed(stream))
                {
                    _held = stream;
                    Volatile.Write(ref factory._holding, this);
                    return true;
                }

                stream.Dispose();
            }

            return false;
        }

        /// <summary>
        /// Lucene's probe: obtains and releases at once. It never lets a second holder in (it cannot obtain what another
        /// holds), but for its moment it is the holder, so an obtain elsewhere at that moment fails and that process
        /// reads instead of writing until its next try. Funeng never calls it; Lucene's static IndexWriter.IsLocked does.
        /// </summary>
        public override bool IsLocked()
        {
            if (_held is not null)
            {
                return true;
            }

            try
            {
                using var probe = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return false;
            }
            catch (IOException)
            {
                return true;
            }
        }

        /// <summary>True while this lock is held and the folder's lock file is still the file it locked.</summary>
        public bool InPlace() => _held is { } held && !Removed(held);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Interlocked.CompareExchange(ref factory._holding, null, this);
                _held?.Dispose();
                _held = null;
            }
        }

        public override string ToString() => $"{nameof(ProcessLockFactory)}:{path}";

        /// <summary>
        /// Whether the file behind <paramref name="stream"/> no longer has a name: Linux shows an open file's name as
        /// the link <c>/proc/self/fd/N</c>, ending in " (deleted)" once it was removed or replaced. Elsewhere there is
        /// nothing to look at (and Windows does not remove a file that is open without delete sharing).
        /// </summary>
        private static bool Removed(FileStream stream)
        {
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            var name = new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}").LinkTarget;
            return name is not null && name.EndsWith(" (deleted)", StringComparison.Ordinal);
        }
    }
}
