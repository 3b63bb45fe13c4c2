using System.Diagnostics;
using Funeng.Catalog.Search;
using Funeng.Kernel.Database;
using Funeng.Kernel.Web;
using Microsoft.Extensions.Options;

namespace Funeng.Catalog.Tests.Search;

/// <summary>
/// The index folder's write lock (<see cref="ProcessLockFactory"/>, docs/decisions/0010) on real files: a second
/// holder, in this process or another, never obtains it while the first holds it, a probe never lets one in, and
/// a writer whose lock file was removed under it lets go instead of writing beside a second writer.
/// </summary>
public sealed class IndexWriteLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "funeng-lock-" + Guid.NewGuid().ToString("N"));

    public IndexWriteLockTests() => Directory.CreateDirectory(_folder);

    private string LockFile => Path.Combine(_folder, "write.lock");

    [Fact]
    public void While_one_factory_holds_the_lock_a_second_factory_on_the_folder_neither_obtains_it_nor_finds_it_free()
    {
        using var first = new ProcessLockFactory(_folder).MakeLock("write.lock");
        using var second = new ProcessLockFactory(_folder).MakeLock("write.lock");

        Assert.True(first.Obtain());
        for (var i = 0; i < 100; i++)
        {
            Assert.True(second.IsLocked());
            Assert.False(second.Obtain());
        }

        Assert.True(first.IsLocked());
        first.Dispose();
        Assert.False(second.IsLocked());
        Assert.True(second.Obtain());
    }

    [Fact]
    public async Task Probes_and_obtains_from_many_factories_at_once_never_leave_two_holders()
    {
        var holders = 0;
        var most = 0;
        var obtained = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(() =>
        {
            var factory = new ProcessLockFactory(_folder);
            while (!stop.IsCancellationRequested)
            {
                using var candidate = factory.MakeLock("write.lock");
                if (worker % 2 == 0)
                {
                    // A prober: whatever it answers, it must not hold the lock when it returns.
                    candidate.IsLocked();
                    continue;
                }

                if (!candidate.Obtain())
                {
                    continue;
                }

                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref most, now);
                Interlocked.Increment(ref obtained);
                Thread.SpinWait(2000);
                Interlocked.Decrement(ref holders);
            }
        })).ToList();
        await Task.WhenAll(workers);

        Assert.True(obtained > 0, "no worker ever obtained the lock");
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task A_lock_another_process_holds_is_not_obtained_and_is_obtained_once_that_process_exits()
    {
        // flock(1) takes the same kernel lock (flock(2), exclusive) that FileShare.None takes on Unix.
        var start = new ProcessStartInfo("flock") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "--exclusive", "--nonblock", "--close", LockFile, "sh", "-c", "echo held; exec sleep 600" })
        {
            start.ArgumentList.Add(argument);
        }

        using var holder = Process.Start(start)!;
        try
        {
            Assert.Equal("held", await holder.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken));
            using var mine = new ProcessLockFactory(_folder).MakeLock("write.lock");
            Assert.True(mine.IsLocked());
            Assert.False(mine.Obtain());
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var after = new ProcessLockFactory(_folder).MakeLock("write.lock");
        Assert.True(after.Obtain());
    }

    [Fact]
    public void A_second_index_on_the_folder_stays_a_reader_while_the_first_writes_and_takes_over_once_it_is_disposed()
    {
        var first = Index();
        using var second = Index();

        Assert.True(first.TryTakeWriter());
        Assert.False(second.TryTakeWriter());
        Assert.False(second.IsWriter);
        first.Commit();
        Assert.False(second.TryTakeWriter());

        first.Dispose();
        Assert.True(second.TryTakeWriter());
    }

    [Fact]
    public void An_obtain_never_counts_a_lock_on_a_removed_lock_file_and_the_holder_learns_it_lost_the_lock()
    {
        var factory = new ProcessLockFactory(_folder);
        using var held = factory.MakeLock("write.lock");
        Assert.True(held.Obtain());
        Assert.True(factory.StillHolds());

        File.Delete(LockFile);

        Assert.False(factory.StillHolds());
        var other = new ProcessLockFactory(_folder);
        using var next = other.MakeLock("write.lock");
        Assert.True(next.Obtain()); // a new file: the kernel cannot know it is the same lock
        Assert.True(other.StillHolds());
    }

    [Fact]
    public void A_writer_whose_lock_file_was_removed_lets_go_instead_of_committing_beside_the_new_writer()
    {
        using var first = Index();
        Assert.True(first.TryTakeWriter());
        File.Delete(LockFile);
        using var second = Index();
        Assert.True(second.TryTakeWriter());

        var refused = Assert.Throws<DomainRuleException>(() => first.Commit());
        Assert.Equal("catalog.search.locked", refused.Description.Key);
        Assert.False(first.IsWriter);
        Assert.False(first.TryTakeWriter()); // the folder's lock file now is the second writer's
        second.Commit();
    }

    [Fact]
    public void A_writer_whose_lock_file_was_removed_takes_the_new_one_when_nobody_holds_it()
    {
        using var index = Index();
        Assert.True(index.TryTakeWriter());
        File.Delete(LockFile);

        Assert.True(index.TryTakeWriter());
        Assert.True(File.Exists(LockFile));
        using var other = Index();
        Assert.False(other.TryTakeWriter());
        index.Commit();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CatalogIndex Index() =>
        new(Options.Create(new CatalogOptions { IndexDirectory = _folder }), new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "unused.db")}"));

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
