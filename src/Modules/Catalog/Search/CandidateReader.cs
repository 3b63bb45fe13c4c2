using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// A segment as a broad search's full query sees it once the first pass has chosen the candidates
/// (<see cref="HitBudgets.Candidates"/>). A term that several of the query's clauses name (养老 is a concept, a bag term and
/// a word of each of its glossary names in the bag; customer and service are in several names' phrases) has its
/// postings read once per search, at the candidates only (positions where a phrase asks for them), and every clause
/// leaps through that short list; each clause used to advance its own copy of the postings to every candidate. A term
/// named once is read as before, lazily, so a phrase or conjunction still advances its dense terms only where its
/// rare term is. A term common in the segment is read from its remembered frequencies (<see cref="CommonTerms"/>),
/// which a lookup per candidate reads without decoding its long postings again.
/// Term and field statistics, norms, deletions and document numbers are the segment's own, and the
/// query is scored at the candidates only, clause by clause (<see cref="ClauseByClause"/>), so every candidate scores
/// as over the whole segment.
/// </summary>
internal sealed class CandidateReader : PostingsView
{
    private readonly AtomicReader _segment;
    private readonly int[] _candidates;
    /// <summary>The terms several clauses name, each with whether a phrase among them needs its positions.</summary>
    private readonly Dictionary<Term, bool> _shared;
    private readonly Dictionary<(string Field, BytesRef Term), CandidatePostings?> _read = [];

    private CandidateReader(AtomicReader segment, int[] candidates, Dictionary<Term, bool> shared)
        : base(new CommonTermsReader(segment)) => (_segment, _candidates, _shared) = (segment, candidates, shared);

    /// <summary>The whole segment this reader shows the candidates of (what is remembered of it is kept by it).</summary>
    public AtomicReader Segment => _segment;

    /// <summary>
    /// Runs <paramref name="query"/> over <paramref name="candidates"/> (index-wide document numbers) of
    /// <paramref name="searcher"/>'s index into <paramref name="collector"/>. With <paramref name="everyTerm"/>, every
    /// term is read at the candidates only, also one named once: for a few documents (a page's match reasons) that is
    /// a few skips per term, where a phrase of dense terms would otherwise read its way through the index from one
    /// candidate to the next, looking for the phrase. The candidates are scored in <paramref name="parts"/> runs of
    /// consecutive documents at once, each on its own thread with its own readers (<see cref="HitBudgets.PartsFor"/>);
    /// a run reads the shared terms at its own candidates, so the parts split the reading and repeat only the query's
    /// weights (each seeks the query's terms once).
    /// </summary>
    public static void Search(IndexSearcher searcher, Query query, IEnumerable<int> candidates, ICollector collector, bool everyTerm = false, int parts = 1)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var docs = candidates.Distinct().Order().ToArray();
        // Rewritten first, so that a clause whose terms come from the index (a prefix, say) lists them.
        query = searcher.Rewrite(query);
        var shared = Named(query, everyTerm ? 1 : 2);
        var count = Math.Clamp(parts, 1, Math.Max(1, docs.Length));
        var runs = Enumerable.Range(0, count).Select(i => docs[(int)((long)docs.Length * i / count)..(int)((long)docs.Length * (i + 1) / count)]).ToArray();
        var scored = new ClauseByClause.Scored[count][];
        if (count == 1)
        {
            scored[0] = Score(searcher, query, runs[0], shared);
        }
        else
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, i => scored[i] = Score(searcher, query, runs[i], shared));
        }

        ClauseByClause.Collect(searcher.IndexReader.Leaves, scored, collector);
    }

    /// <summary>Scores <paramref name="query"/> at <paramref name="docs"/> (index-wide, sorted) through a reader of each segment that holds only them.</summary>
    private static ClauseByClause.Scored[] Score(IndexSearcher searcher, Query query, int[] docs, Dictionary<Term, bool> shared)
    {
        var segments = searcher.IndexReader.Leaves.Select(leaf =>
            (IndexReader)new CandidateReader(leaf.AtomicReader, InSegment(docs, leaf.DocBase, leaf.AtomicReader.MaxDoc), shared));
        // Not disposed: the segments belong to the index's reader, and closing a wrapper closes nothing (DoClose).
        var restricted = new IndexSearcher(new MultiReader([.. segments], closeSubReaders: false)) { Similarity = searcher.Similarity };
        return ClauseByClause.Score(restricted, query, segment => ((CandidateReader)segment.AtomicReader)._candidates);
    }

    /// <summary>The documents of <paramref name="sortedDocs"/> (index-wide numbers, ascending) in the segment at <paramref name="docBase"/>, numbered within it.</summary>
    private static int[] InSegment(int[] sortedDocs, int docBase, int maxDoc)
    {
        var from = Array.BinarySearch(sortedDocs, docBase);
        var to = Array.BinarySearch(sortedDocs, docBase + maxDoc);
        return [.. sortedDocs[(from < 0 ? ~from : from)..(to < 0 ? ~to : to)].Select(d => d - docBase)];
    }

    /// <summary>The terms that at least <paramref name="clauses"/> of <paramref name="query"/>'s leaf clauses name, and whether a phrase among them needs their positions.</summary>
    private static Dictionary<Term, bool> Named(Query query, int clauses)
    {
        var uses = new Dictionary<Term, (int Clauses, bool Positions)>();
        void Count(Query clause)
        {
            if (clause is BooleanQuery boolean)
            {
                foreach (var inner in boolean.Clauses)
                {
                    Count(inner.Query);
                }

                return;
            }

            var terms = new HashSet<Term>();
            clause.ExtractTerms(terms);
            foreach (var term in terms)
            {
                var (clauses, positions) = uses.GetValueOrDefault(term);
                uses[term] = (clauses + 1, positions || clause is not TermQuery);
            }
        }

        Count(query);
        return uses.Where(u => u.Value.Clauses >= clauses).ToDictionary(u => u.Key, u => u.Value.Positions);
    }

    protected override DocsEnum? Docs(string field, TermsEnum term, IBits? liveDocs) =>
        Postings(field, term) is { } postings ? new CandidateDocs(postings, liveDocs) : null;

    protected override DocsAndPositionsEnum? DocsAndPositions(string field, TermsEnum term, IBits? liveDocs) =>
        Postings(field, term) is { HasPositions: true } postings ? new CandidateDocs(postings, liveDocs) : null;

    /// <summary>The candidates' postings of the term <paramref name="real"/> is on, read once per search; null for a term read as the segment's.</summary>
    private CandidatePostings? Postings(string field, TermsEnum real)
    {
        if (!_shared.TryGetValue(new Term(field, real.Term), out var positions))
        {
            return null;
        }

        var key = (field, BytesRef.DeepCopyOf(real.Term));
        if (!_read.TryGetValue(key, out var postings))
        {
            postings = CandidatePostings.Read(_segment, field, real, _candidates, positions);
            _read[key] = postings;
        }

        return postings;
    }
}

/// <summary>
/// One term's postings among the candidates of a segment: documents and frequencies read at once (from the term's
/// remembered frequencies when it is common: a lookup per candidate), positions only where a clause asks for them. A
/// phrase asks only at the candidates holding all its terms, usually few of those holding any one: the positions of a
/// common bigram at every candidate cost a broad search at 1 M some 2 ms of its 20 (bench/results/catalog.md, stop 33).
/// </summary>
internal sealed class CandidatePostings
{
    private readonly List<int> _docs = [];
    private readonly List<int> _freqs = [];
    /// <summary>Where each document's positions start in <see cref="_positions"/>; −1 until asked for.</summary>
    private readonly List<int> _starts = [];
    private readonly List<int> _positions = [];
    private readonly Func<DocsAndPositionsEnum>? _open;
    private DocsAndPositionsEnum? _reading;

    private CandidatePostings(Func<DocsAndPositionsEnum>? open) => _open = open;

    public bool HasPositions => _open is not null;

    public int Count => _docs.Count;

    public int Doc(int i) => _docs[i];

    public int Freq(int i) => _freqs[i];

    public int Position(int i, int n)
    {
        if (_starts[i] < 0)
        {
            ReadPositions(i);
        }

        return _positions[_starts[i] + n];
    }

    /// <summary>Index of the first entry at or after <paramref name="from"/> whose document is at least <paramref name="target"/>.</summary>
    public int Seek(int from, int target)
    {
        var found = _docs.BinarySearch(from, _docs.Count - from, target, null);
        return found < 0 ? ~found : found;
    }

    /// <summary>
    /// Reads the postings <paramref name="real"/> (a term of <paramref name="field"/> in a view of
    /// <paramref name="segment"/>) is on at <paramref name="candidates"/> (sorted, segment-local), live or not, with
    /// positions (when asked for) if <paramref name="withPositions"/> and the field has them; null when the term has none.
    /// </summary>
    public static CandidatePostings? Read(AtomicReader segment, string field, TermsEnum real, int[] candidates, bool withPositions)
    {
        var open = withPositions ? Opener(segment, field, real) : null;
        if (real.Docs(null, null, DocsFlags.FREQS) is not { } docs)
        {
            return null;
        }

        var read = new CandidatePostings(open);
        if (docs is FrequencyDocs common)
        {
            foreach (var candidate in candidates)
            {
                if (common.Frequencies.Freq(candidate) is > 0 and var freq)
                {
                    read.Add(candidate, freq);
                }
            }

            return read;
        }

        foreach (var candidate in candidates)
        {
            if (docs.DocID < candidate && docs.Advance(candidate) == DocIdSetIterator.NO_MORE_DOCS)
            {
                break;
            }

            if (docs.DocID == candidate)
            {
                read.Add(candidate, docs.Freq);
            }
        }

        return read;
    }

    /// <summary>Opens the term's positions afresh (for a document behind the last one read), or null when the field keeps none.</summary>
    private static Func<DocsAndPositionsEnum>? Opener(AtomicReader segment, string field, TermsEnum real)
    {
        if (segment.FieldInfos.FieldInfo(field) is not { IndexOptions: >= IndexOptions.DOCS_AND_FREQS_AND_POSITIONS })
        {
            return null;
        }

        var (term, state) = (BytesRef.DeepCopyOf(real.Term), real.GetTermState());
        return () =>
        {
            var terms = segment.GetTerms(field).GetEnumerator();
            terms.SeekExact(term, state);
            return terms.DocsAndPositions(null, null, DocsAndPositionsFlags.NONE);
        };
    }

    private void Add(int doc, int freq)
    {
        _docs.Add(doc);
        _freqs.Add(freq);
        _starts.Add(-1);
    }

    /// <summary>Reads entry <paramref name="i"/>'s positions, from where the last read stopped or, behind it, from the start.</summary>
    private void ReadPositions(int i)
    {
        var doc = _docs[i];
        if (_reading is null || _reading.DocID > doc)
        {
            _reading = _open!();
        }

        if (_reading.DocID < doc)
        {
            _reading.Advance(doc);
        }

        if (_reading.DocID != doc)
        {
            throw new InvalidOperationException($"The term's postings do not hold document {doc} its frequencies say they do.");
        }

        _starts[i] = _positions.Count;
        for (var n = 0; n < _freqs[i]; n++)
        {
            _positions.Add(_reading.NextPosition());
        }
    }
}

/// <summary>Iterates <see cref="CandidatePostings"/>, skipping documents not in <c>liveDocs</c>.</summary>
internal sealed class CandidateDocs(CandidatePostings postings, IBits? liveDocs) : DocsAndPositionsEnum
{
    private int _index = -1;
    private int _position;

    public override int DocID => _index < 0 ? -1 : _index >= postings.Count ? NO_MORE_DOCS : postings.Doc(_index);

    public override int Freq => postings.Freq(_index);

    public override int StartOffset => -1;

    public override int EndOffset => -1;

    public override int NextDoc() => Settle(_index + 1);

    public override int Advance(int target) => Settle(postings.Seek(_index + 1, target));

    public override int NextPosition() => postings.Position(_index, _position++);

    public override BytesRef GetPayload() => null!;

    public override long GetCost() => postings.Count;

    private int Settle(int index)
    {
        while (index < postings.Count && liveDocs is not null && !liveDocs.Get(postings.Doc(index)))
        {
            index++;
        }

        _index = index;
        _position = 0;
        return DocID;
    }
}
