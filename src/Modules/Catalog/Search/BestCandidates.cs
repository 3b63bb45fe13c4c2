namespace Funeng.Catalog.Search;

/// <summary>
/// The first pass's best documents so far (<see cref="FirstPass"/>), at most <c>size</c>; of two with the same score
/// the earlier document wins, as in Lucene's collector. Each candidate is one 64-bit key, its score's bits above its
/// document's (inverted), so that a larger key is a better candidate and one integer comparison orders two of them;
/// the keys are a four-ary heap, weakest first. A need's first pass at 1 M replaces the weakest some 36,000 times, and
/// the binary heap of two arrays before, comparing score then document, took a twelfth of a need's time (perf, stop
/// 32). A floor, the weakest of as many candidates among earlier documents (an earlier segment, an earlier range of
/// the segment read on another thread), keeps out what those already beat.
/// </summary>
internal sealed class BestCandidates(int size, float floor = float.NegativeInfinity)
{
    private ulong[] _keys = new ulong[Math.Min(size, 1 << 12)];
    private int _count;
    private float _floor = floor;

    /// <summary>
    /// The score a document must beat to be among the best: the weakest candidate's once there are <c>size</c>, or the
    /// floor if higher; below every score until then.
    /// </summary>
    public float Threshold { get; private set; } = floor;

    /// <summary>Whether a document can be ruled out by its score: there are <c>size</c> candidates, or a floor.</summary>
    public bool Bounded => Threshold > float.NegativeInfinity;

    /// <summary>Raises the floor to <paramref name="floor"/>, the weakest of <c>size</c> candidates among documents that all come before this one's.</summary>
    public void RaiseFloor(float floor)
    {
        if (floor > _floor)
        {
            _floor = floor;
            Threshold = Math.Max(Threshold, floor);
        }
    }

    /// <summary>Offers a document that comes after every one offered before: at a score equal to the weakest's, it loses.</summary>
    public void Offer(int doc, float score)
    {
        if (score > Threshold)
        {
            Add(Key(doc, score));
        }
    }

    /// <summary>
    /// Offers <paramref name="other"/>'s candidates, documents that come after every one offered here before (a later
    /// range of the segment): the key orders them by score and document, so in any order.
    /// </summary>
    public void Merge(BestCandidates other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < other._count; i++)
        {
            var key = other._keys[i];
            if (ScoreOf(key) > _floor && (_count < size || key > _keys[0]))
            {
                Add(key);
            }
        }
    }

    /// <summary>The best, best first: the higher score, then the earlier document.</summary>
    public List<int> Documents()
    {
        var keys = _keys.AsSpan(0, _count).ToArray();
        Array.Sort(keys);
        var documents = new List<int>(keys.Length);
        for (var i = keys.Length - 1; i >= 0; i--)
        {
            documents.Add(DocOf(keys[i]));
        }

        return documents;
    }

    /// <summary>
    /// The score's bits made to order as unsigned integers (a negative score's all inverted, a positive one's sign set),
    /// above the document inverted, so that an earlier document is the larger key at the same score.
    /// </summary>
    private static ulong Key(int doc, float score)
    {
        var bits = BitConverter.SingleToUInt32Bits(score + 0f);
        var ordered = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ((ulong)ordered << 32) | ~(uint)doc;
    }

    private static float ScoreOf(ulong key)
    {
        var ordered = (uint)(key >> 32);
        return BitConverter.UInt32BitsToSingle((ordered & 0x8000_0000u) != 0 ? ordered & 0x7FFF_FFFFu : ~ordered);
    }

    private static int DocOf(ulong key) => (int)~(uint)key;

    /// <summary>Adds a key better than the weakest (or any key while there are fewer than <c>size</c>).</summary>
    private void Add(ulong key)
    {
        if (_count == size)
        {
            Sink(key);
        }
        else
        {
            if (_count == _keys.Length)
            {
                Array.Resize(ref _keys, (int)Math.Min(size, 2L * _keys.Length));
            }

            Rise(_count++, key);
        }

        if (_count == size)
        {
            Threshold = Math.Max(ScoreOf(_keys[0]), _floor);
        }
    }

    private void Rise(int i, ulong key)
    {
        while (i > 0 && key < _keys[(i - 1) >> 2])
        {
            var parent = (i - 1) >> 2;
            _keys[i] = _keys[parent];
            i = parent;
        }

        _keys[i] = key;
    }

    /// <summary>Puts <paramref name="key"/> in the weakest's place and moves it down below every weaker key.</summary>
    private void Sink(ulong key)
    {
        var i = 0;
        while (true)
        {
            var first = (4 * i) + 1;
            if (first >= _count)
            {
                break;
            }

            var (weakest, weakestKey) = (first, _keys[first]);
            for (var child = first + 1; child < Math.Min(first + 4, _count); child++)
            {
                if (_keys[child] < weakestKey)
                {
                    (weakest, weakestKey) = (child, _keys[child]);
                }
            }

            if (key < weakestKey)
            {
                break;
            }

            _keys[i] = weakestKey;
            i = weakest;
        }

        _keys[i] = key;
    }
}
