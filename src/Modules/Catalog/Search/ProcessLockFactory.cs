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
/// </summary>
internal sealed class ProcessLockFactory : LockFactory
{
    private readonly string _folder;

    public ProcessLockFactory(string folder)
    {
        _folder = folder;
        LockPrefix = null;
    }

    public override LuceneLock MakeLock(string lockName) => new FileLock(Path.Combine(_folder, lockName));

    public override void ClearLock(string lockName)
    {
        // The lock lives in an open handle, not in the file's existence: there is nothing to clear.
    }

    private sealed class FileLock(string path) : LuceneLock
    {
        private FileStream? _held;

        public override bool Obtain()
        {
            if (_held is not null)
            {
                return false;
            }

            try
            {
                _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

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

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held?.Dispose();
                _held = null;
            }
        }

        public override string ToString() => $"{nameof(ProcessLockFactory)}:{path}";
    }
}
