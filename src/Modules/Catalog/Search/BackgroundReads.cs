using System.Collections.Concurrent;

namespace Funeng.Catalog.Search;

/// <summary>
/// What <see cref="CommonTerms"/> keeps (a common term's frequencies, a frequent phrase's counts) is read here, one
/// read at a time on a thread of its own, in the time searches leave it: every <see cref="TermFrequencies.PauseEvery"/>
/// documents a read waits while a search runs, for at most <see cref="LongestWait"/> at a time, so that a server never
/// busy between searches still gets its arrays. At 1 M listings a phrase's count takes some 5–20 ms of a core; run
/// on the pool beside a need searched in two parts, it held the need's second part back (matchmaking's p95 some 10 ms
/// above its own CPU time; bench/results/scenarios.md, stop 39). Its own thread, not the pool's: a waiting read holds
/// no thread that requests need. What waits is bounded by the budgets: a read starts only once its bytes are reserved.
/// </summary>
internal static class BackgroundReads
{
    /// <summary>The longest a read waits for searches at one of its pauses.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(20);

    private static readonly BlockingCollection<(Action Read, Action Failed)> Queue = [];
    private static int _waiting;

    static BackgroundReads() => new Thread(Work) { IsBackground = true, Name = "Funeng common-term reads" }.Start();

    /// <summary>Queues <paramref name="read"/>; <paramref name="failed"/> undoes what its caller set aside when it throws.</summary>
    public static void Start(Action read, Action failed)
    {
        Interlocked.Increment(ref _waiting);
        Queue.Add((read, failed));
    }

    /// <summary>Whether every read started is done (tests wait for it).</summary>
    public static bool Done => Volatile.Read(ref _waiting) == 0;

    /// <summary>Waits while a search runs, up to <see cref="LongestWait"/>.</summary>
    public static void Pause()
    {
        var until = Environment.TickCount64 + (long)LongestWait.TotalMilliseconds;
        while (CatalogSearch.Running > 0 && Environment.TickCount64 < until)
        {
            Thread.Sleep(1);
        }
    }

    private static void Work()
    {
        foreach (var (read, failed) in Queue.GetConsumingEnumerable())
        {
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
