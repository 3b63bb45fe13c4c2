namespace Funeng.Compute.Scheduling;

/// <summary>
/// The devices of one pool in use over time, as a step function: from each breakpoint until the next, so many
/// devices are reserved. A job takes the earliest gap wide and long enough for it, so a short job can run before
/// a long one that waits for more devices (backfilling) without delaying it: every earlier reservation stays
/// where it is (conservative backfilling). Each operation is linear in the breakpoints ahead, not quadratic, so
/// a trace of a hundred thousand jobs replays in seconds.
/// </summary>
internal sealed class PoolTimeline(int capacity)
{
    private readonly List<long> _times = [long.MinValue];
    private readonly List<int> _used = [0];

    public int Capacity { get; } = capacity;

    /// <summary>Breakpoints kept; pruning keeps this to the reservations that still matter.</summary>
    public int Count => _times.Count;

    /// <summary>The earliest start at or after <paramref name="from"/> with <paramref name="devices"/> free for <paramref name="duration"/>.</summary>
    public long EarliestStart(long from, long duration, int devices)
    {
        if (devices > Capacity)
        {
            return long.MaxValue;
        }

        var limit = Capacity - devices;
        var start = from;
        var i = SegmentAt(from);
        while (true)
        {
            var j = i;
            while (j < _times.Count && (j == i || _times[j] < start + duration) && _used[j] <= limit)
            {
                j++;
            }

            if (j == _times.Count || (j > i && _times[j] >= start + duration))
            {
                return start; // every segment in [start, start + duration) has room
            }

            // Segment j is too full: the next chance is when it ends.
            if (j + 1 >= _times.Count)
            {
                return long.MaxValue;
            }

            start = _times[j + 1];
            i = j + 1;
        }
    }

    public void Reserve(long start, long end, int devices) => Add(start, end, devices);

    /// <summary>Frees a reservation made earlier (a cancelled or re-placed job).</summary>
    public bool Release(long start, long end, int devices)
    {
        Add(start, end, -devices);
        return true;
    }

    /// <summary>Forgets what happened before <paramref name="now"/>; it can no longer matter.</summary>
    public void Prune(long now)
    {
        var i = SegmentAt(now);
        if (i > 0)
        {
            _times.RemoveRange(0, i);
            _used.RemoveRange(0, i);
            _times[0] = long.MinValue;
        }
    }

    /// <summary>Devices in use at <paramref name="at"/>.</summary>
    public int UsedAt(long at) => _used[SegmentAt(at)];

    private void Add(long start, long end, int devices)
    {
        var a = Split(start);
        var b = Split(end);
        for (var i = a; i < b; i++)
        {
            _used[i] += devices;
        }
    }

    private int SegmentAt(long at)
    {
        var i = _times.BinarySearch(at);
        return i >= 0 ? i : ~i - 1;
    }

    private int Split(long at)
    {
        var i = _times.BinarySearch(at);
        if (i >= 0)
        {
            return i;
        }

        i = ~i;
        _times.Insert(i, at);
        _used.Insert(i, _used[i - 1]);
        return i;
    }
}
