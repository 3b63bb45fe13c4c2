namespace Funeng.Catalog.Search;

/// <summary>
/// The first pass's best documents so far (<see cref="FirstPass"/>), at most <c>size</c>; a new one equal to the
/// weakest loses (it comes later). A binary heap, weakest first, over two arrays: a document that beats the weakest
/// takes its place and sinks in one pass, with the comparisons inline (the general priority queue compared tuples
/// through a comparer). A floor, the weakest of as many candidates among earlier documents (an earlier segment, an
/// earlier range of the segment read on another thread), keeps out what those already beat.
/// </summary>
internal sealed class BestCandidates(int size, float floor = float.NegativeInfinity)
{
    private float[] _scores = new float[Math.Min(size, 1 << 12)];
    private int[] _docs = new int[Math.Min(size, 1 << 12)];
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

    public void Offer(int doc, float score)
    {
        if (score <= Threshold)
        {
            return;
        }

        if (_count == size)
        {
            Sink(doc, score);
        }
        else
        {
            if (_count == _scores.Length)
            {
                var larger = (int)Math.Min(size, 2L * _scores.Length);
                Array.Resize(ref _scores, larger);
                Array.Resize(ref _docs, larger);
            }

            Rise(_count++, doc, score);
        }

        if (_count == size)
        {
            Threshold = Math.Max(_scores[0], _floor);
        }
    }

    /// <summary>The best, best first: the higher score, then the earlier document.</summary>
    public List<int> Documents()
    {
        var order = Enumerable.Range(0, _count).ToArray();
        Array.Sort(order, (a, b) => _scores[a] != _scores[b] ? _scores[b].CompareTo(_scores[a]) : _docs[a].CompareTo(_docs[b]));
        return [.. order.Select(i => _docs[i])];
    }

    /// <summary>The candidates with their scores, in no order.</summary>
    public IEnumerable<(int Doc, float Score)> Entries() => Enumerable.Range(0, _count).Select(i => (_docs[i], _scores[i]));

    /// <summary>Whether (score, doc) is weaker than the entry at <paramref name="i"/>: a lower score, or the same and a later document.</summary>
    private bool Weaker(float score, int doc, int i) => score < _scores[i] || (score == _scores[i] && doc > _docs[i]);

    private void Rise(int i, int doc, float score)
    {
        while (i > 0 && Weaker(score, doc, (i - 1) >> 1))
        {
            var parent = (i - 1) >> 1;
            (_scores[i], _docs[i]) = (_scores[parent], _docs[parent]);
            i = parent;
        }

        (_scores[i], _docs[i]) = (score, doc);
    }

    /// <summary>Puts (score, doc) in the weakest's place and moves it down below every weaker entry.</summary>
    private void Sink(int doc, float score)
    {
        var i = 0;
        while ((2 * i) + 1 < _count)
        {
            var child = (2 * i) + 1;
            if (child + 1 < _count && Weaker(_scores[child + 1], _docs[child + 1], child))
            {
                child++;
            }

            if (Weaker(score, doc, child))
            {
                break;
            }

            (_scores[i], _docs[i]) = (_scores[child], _docs[child]);
            i = child;
        }

        (_scores[i], _docs[i]) = (score, doc);
    }
}
