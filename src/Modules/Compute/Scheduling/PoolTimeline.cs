namespace Funeng.Compute.Scheduling;

/// <summary>
/// The devices of one pool reserved over time. A job takes the earliest gap wide and long enough for it, so a
/// short job can run before a long one that waits for more devices (backfilling) without delaying it: every
/// earlier reservation stays where it is (conservative backfilling).
/// </summary>
internal sealed class PoolTimeline(int capacity)
{
    private readonly List<(long Start, long End, int Devices)> _reservations = [];

    public int Capacity { get; } = capacity;

    public int Count => _reservations.Count;

    /// <summary>The earliest start at or after <paramref name="from"/> with <paramref name="devices"/> free for <paramref name="duration"/>.</summary>
    public long EarliestStart(long from, long duration, int devices)
    {
        if (devices > Capacity)
        {
            return long.MaxValue;
        }

        if (Fits(from, from + duration, devices))
        {
            return from;
        }

        // The usage only falls when a reservation ends, so those are the only other start times worth trying.
        var best = long.MaxValue;
        foreach (var r in _reservations)
        {
            if (r.End > from && r.End < best && Fits(r.End, r.End + duration, devices))
            {
                best = r.End;
            }
        }

        return best;
    }

    public void Reserve(long start, long end, int devices) => _reservations.Add((start, end, devices));

    /// <summary>Frees a reservation made earlier (a cancelled or re-placed job).</summary>
    public bool Release(long start, long end, int devices) => _reservations.Remove((start, end, devices));

    /// <summary>Forgets reservations that ended before <paramref name="now"/>; they can no longer matter.</summary>
    public void Prune(long now) => _reservations.RemoveAll(r => r.End <= now);

    /// <summary>Devices in use at <paramref name="at"/>.</summary>
    public int UsedAt(long at)
    {
        var used = 0;
        foreach (var r in _reservations)
        {
            if (r.Start <= at && at < r.End)
            {
                used += r.Devices;
            }
        }

        return used;
    }

    private bool Fits(long start, long end, int devices)
    {
        var limit = Capacity - devices;
        // The peak over [start, end) is reached at start or at a reservation's start inside the window.
        if (UsedAt(start) > limit)
        {
            return false;
        }

        foreach (var r in _reservations)
        {
            if (r.Start > start && r.Start < end && UsedAt(r.Start) > limit)
            {
                return false;
            }
        }

        return true;
    }
}
