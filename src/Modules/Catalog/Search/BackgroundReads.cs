using System.Collections.Concurrent;
using System.Diagnostics;

namespace Funeng.Catalog.Search;

/// <summary>
/// What <see cref="CommonTerms"/> keeps (a common term's frequencies, a frequent phrase's counts) is read here, one
/// read at a time on a thread of its own, in the time searches leave it: every <see cref="TermFrequencies.PauseEvery"/>
/// documents a read waits while a search runs, up to <see cref="LongestWait"/> over the whole read. At 1 M listings a
/// phrase's count takes 5–20 ms of a core; run on the pool beside a need searched in two parts, it held the need's
/// second part back, and matchmaking's p95 at 1 M was 49–59 ms in three runs, 53 ms with the reads on this thread
/// without waiting, 45–48 ms waiting (bench/results/scenarios.md, stop 39). The wait is bounded over the read, not at
/// each pause: with up to 20 ms at each, two clients searching without a break left the reads hardly moving, searched
/// without their arrays, and ran 84–89 searches a second instead of 118–125. Its own thread, not the pool's: a waiting
/// read holds no thread that requests need. What waits is bounded by the budgets: a read starts only once its bytes
/// are reserved.
/// </summary>
internal static class BackgroundReads
{
    /// <summary>The longest a read waits for searches, over all its pauses.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(20);

    private static readonly BlockingCollection<(Action Read, Action Failed)> Queue = [];
    private static int _waiting;

    /// <summary>What the read running now may still wait (reads run one at a time, on <see cref="Work"/>'s thread).</summary>
    private static TimeSpan _waitLeft;

    static BackgroundReads() => new Thread(Work) { IsBackground = true, Name = "Funeng common-term reads" }.Start();

    /// <summary>Queues <paramref name="read"/>; <paramref name="failed"/> undoes what its caller set aside when it throws.</summary>
    public static void Start(Action read, Action failed)
    {
        Interlocked.Increment(ref _waiting);
        Queue.Add((read, failed));
    }

    /// <summary>Whether every read started is done (tests wait for it).</summary>
    public static bool Done => Volatile.Read(ref _waiting) == 0;

    /// <summary>Waits while a search runs, as long as the read running now may still wait; called by that read, on this class's thread.</summary>
    public static void Pause()
    {
        var started = Stopwatch.GetTimestamp();
        while (CatalogSearch.Running > 0 && Stopwatch.GetElapsedTime(started) < _waitLeft)
        {
            Thread.Sleep(1);
        }

        _waitLeft -= Stopwatch.GetElapsedTime(started);
    }

    private static void Work()
    {
        foreach (var (read, failed) in Queue.GetConsumingEnumerable())
        {
            _waitLeft = LongestWait;
            Pause();
            try
            {
                read();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Most likely the segment was merged away and closed meanwhile (ObjectDisposedException): nothing to keep,
                // and the term or phrase is read from its postings as before.
                failed();
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }
}
