using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// The frequencies of a segment's common terms (in at least one in <see cref="Share"/> of its documents), one byte per
/// document, kept while the segment lives. A broad search reads such a term at thousands of scattered documents (a
/// matchmaking need's 5,000 candidates, the first pass's lookups), and a posting list of a few hundred thousand
/// documents read at 5,000 places is decoded almost whole, block by block, every time: at 1 M listings the common
/// terms of a need's bag (the CAC boilerplate's bigrams, 服务, 智能) cost a fifth of its time (bench/results/scenarios.md,
/// stop 30). Read once into an array, each later read is a lookup. A segment never changes its postings (deletions
/// are applied by the reader's live documents), so an array stays right until the segment is merged away, and a
/// merged segment starts with none. No search waits for an array: the first search to meet a common term reads its
/// postings as any other term's, and the array is read beside it (<see cref="BackgroundReads"/>); read inside that
/// search, a need meeting two or three new common terms at 1 M listings spent 15–18 ms on them, its slowest part
/// (bench/results/scenarios.md, stop 39).
/// </summary>
internal sealed class CommonTerms
{
    /// <summary>A term in at least one in this many of a segment's documents is kept as an array of frequencies.</summary>
    public const int Share = 20;

    /// <summary>
    /// The arrays' bytes over every live segment (256 arrays, of common terms' frequencies or fields' norms, at a
    /// million listings). Past it a common term is read from its postings, as any other: no array is dropped for
    /// another, so a search never reads the same term twice over because of the budget.
    /// </summary>
    private const long Budget = 256L << 20;

    /// <summary>
    /// A phrase whose every term is in at least one in this many of a segment's documents is counted once and kept
    /// (<see cref="OfPhrase"/>). At 1 M listings, with one in twenty (<see cref="Share"/>), speech synthesis's full
    /// query still read 语音合成 (音合 in 3 % of the listings) at its candidates: 4.9 ms, against 3.3 with one in a
    /// hundred (bench/results/catalog.md, stop 37).
    /// </summary>
    public const int PhraseShare = 100;

    /// <summary>
    /// The phrases' arrays, over every live segment, apart from the terms' (<see cref="Budget"/>): a phrase is one of
    /// many forms of a concept, and phrases must not leave a later search's common terms without arrays.
    /// </summary>
    private const long PhraseBudget = 128L << 20;

    /// <summary>How often a phrase is read at candidates before it is counted over the whole segment (<see cref="OfPhrase"/>).</summary>
    public const int PhraseUsesBeforeCounting = 3;

    /// <summary>
    /// The most phrases a segment tells apart while counting their uses (some 150 bytes each): a server meets new
    /// phrases with every need for as long as a segment lives, and past this it forgets the uses counted so far and
    /// starts again, so a phrase asked for often is still counted soon while the tally stays bounded.
    /// </summary>
    public const int PhrasesTallied = 50_000;

    private static readonly ConditionalWeakTable<object, CommonTerms> BySegment = [];
    private static long _bytes;
    private static long _phraseBytes;
    /// <summary>Null while being read.</summary>
    private readonly ConcurrentDictionary<(string Field, BytesRef Term), TermFrequencies?> _terms = new();
    private readonly ConcurrentDictionary<string, Lazy<byte[]?>> _norms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TermFrequencies?> _phrases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _phraseUses = new(StringComparer.Ordinal);
    private int _phrasesTallied;
    private readonly int _maxDoc;

    private CommonTerms(int maxDoc) => _maxDoc = maxDoc;

    /// <summary>Whether a term in <paramref name="docFreq"/> of a segment's <paramref name="maxDoc"/> documents is common.</summary>
    public static bool IsCommon(int docFreq, int maxDoc) => (long)docFreq * Share >= maxDoc;

    /// <summary>
    /// The frequencies of the term <paramref name="term"/> is positioned on, in <paramref name="field"/> of
    /// <paramref name="segment"/>, once they are read; null until then (the first ask starts the read, beside the
    /// search), and when the arrays already fill the budget.
    /// </summary>
    public static TermFrequencies? Of(AtomicReader segment, string field, TermsEnum term)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(term);
        var terms = BySegment.GetValue(segment.CoreCacheKey, _ => new CommonTerms(segment.MaxDoc));
        // Looked up by the enumerator's own bytes (equal by content); a copy only when added.
        if (terms._terms.TryGetValue((field, term.Term), out var known))
        {
            return known;
        }

        if (!Reserve(segment.MaxDoc))
        {
            return null;
        }

        var key = (field, BytesRef.DeepCopyOf(term.Term));
        if (!terms._terms.TryAdd(key, null))
        {
            // Another search started it first; its bytes are counted.
            Interlocked.Add(ref _bytes, -segment.MaxDoc);
            return null;
        }

        BackgroundReads.Start(
            () =>
            {
                // The search's enumerator is its own to move: the read seeks one of its own.
                var own = segment.GetTerms(field)!.GetEnumerator();
                terms._terms[key] = own.SeekExact(key.Item2)
                    ? TermFrequencies.Read(own.Docs(null, null, DocsFlags.FREQS), segment.MaxDoc, segment.GetNormValues(field), BackgroundReads.Pause)
                    : throw new InvalidOperationException($"The term {key.Item2.Utf8ToString()} of {field} was in its segment a moment ago.");
            },
            () =>
            {
                terms._terms.TryRemove(key, out _);
                Interlocked.Add(ref _bytes, -segment.MaxDoc);
            });
        return null;
    }

    /// <summary>
    /// How often the exact phrase <paramref name="phrase"/> (no slop) occurs in each document of
    /// <paramref name="segment"/>, once it is known; null until then, and for a phrase one of whose terms is in fewer
    /// than one in <see cref="PhraseShare"/> of the segment's documents. A broad search's full query reads a phrase of
    /// frequent bigrams (大模 模型) at each of its candidates, decoding every term's documents and positions there: at
    /// 1 M listings three quarters of that query's time (bench/results/catalog.md, stop 37). Counting it over the whole
    /// segment costs far more than one such read, so a phrase is counted only once it has been asked for
    /// <see cref="PhraseUsesBeforeCounting"/> times, and beside the searches (<see cref="BackgroundReads"/>), by Lucene's own phrase scorer: no
    /// search waits for it (matchmaking's needs, each with dozens of phrases met once, were slower when they did). Kept
    /// as a term's frequencies are, within the phrases' own budget. Deletions are the reader's to apply.
    /// </summary>
    public static TermFrequencies? OfPhrase(AtomicReader segment, PhraseQuery phrase)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.GetTerms();
        // A phrase's terms are of one field (PhraseQuery refuses another).
        if (phrase.Slop != 0 || words.Length < 2)
        {
            return null;
        }

        var cache = BySegment.GetValue(segment.CoreCacheKey, _ => new CommonTerms(segment.MaxDoc));
        var positions = phrase.GetPositions();
        var key = words[0].Field + "\0" + string.Join('\0', words.Select((w, i) => positions[i].ToString(CultureInfo.InvariantCulture) + ":" + w.Text));
        if (cache._phrases.TryGetValue(key, out var counted))
        {
            // Null while it is being counted.
            return counted;
        }

        if (segment.GetTerms(words[0].Field)?.GetEnumerator() is not { } terms
            || words.Any(w => !terms.SeekExact(w.Bytes) || (long)terms.DocFreq * PhraseShare < segment.MaxDoc)
            || cache.Tally(key) != PhraseUsesBeforeCounting
            || !Reserve(segment.MaxDoc, ref _phraseBytes, PhraseBudget, s => s._phrases.Count))
        {
            return null;
        }

        if (!cache._phrases.TryAdd(key, null))
        {
            Interlocked.Add(ref _phraseBytes, -segment.MaxDoc);
            return null;
        }

        // The query's own copy, as its caller may change its boost; the segment's reader stays open while it lives.
        var copy = (PhraseQuery)phrase.Clone();
        BackgroundReads.Start(
            () =>
            {
                var weight = new IndexSearcher(segment).CreateNormalizedWeight(copy);
                cache._phrases[key] = TermFrequencies.Read(weight.GetScorer(segment.AtomicContext, acceptDocs: null), segment.MaxDoc, norms: null, BackgroundReads.Pause);
            },
            () =>
            {
                cache._phrases.TryRemove(key, out _);
                Interlocked.Add(ref _phraseBytes, -segment.MaxDoc);
            });
        return null;
    }

    /// <summary>One more use of the phrase <paramref name="key"/>, and how many it has had since the tally last started (<see cref="PhrasesTallied"/>).</summary>
    private int Tally(string key)
    {
        var uses = _phraseUses.AddOrUpdate(key, 1, (_, uses) => uses + 1);
        if (uses == 1 && Interlocked.Increment(ref _phrasesTallied) > PhrasesTallied)
        {
            // Clearing beside another search's tally at most loses a few uses: the phrase is counted a little later.
            _phraseUses.Clear();
            Interlocked.Exchange(ref _phrasesTallied, 0);
        }

        return uses;
    }

    /// <summary>
    /// The norm byte of each document of <paramref name="segment"/> in <paramref name="field"/> (null when the field
    /// keeps none), read on first use and kept as the frequencies are, so that a common term is scored without a call
    /// into the segment's norms for every document (<see cref="CommonTermScorer"/>); false when the budget is spent.
    /// </summary>
    public static bool Norms(AtomicReader segment, string field, out byte[]? norms)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.FieldInfos.FieldInfo(field) is not { HasNorms: true })
        {
            // BM25 weighs no length there (as if b were 0): nothing to keep.
            norms = null;
            return true;
        }

        var terms = BySegment.GetValue(segment.CoreCacheKey, _ => new CommonTerms(segment.MaxDoc));
        if (!terms._norms.TryGetValue(field, out var known))
        {
            if (!Reserve(segment.MaxDoc))
            {
                norms = null;
                return false;
            }

            var mine = new Lazy<byte[]?>(() => Read(segment.GetNormValues(field), segment.MaxDoc));
            known = terms._norms.GetOrAdd(field, mine);
            if (!ReferenceEquals(known, mine))
            {
                Interlocked.Add(ref _bytes, -segment.MaxDoc);
            }
        }

        norms = known.Value;
        return true;

        static byte[]? Read(NumericDocValues? values, int maxDoc)
        {
            if (values is null)
            {
                return null;
            }

            // BM25 reads a norm as an unsigned byte (BM25DocScorer: (sbyte)norm & 0xFF).
            var bytes = new byte[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                bytes[doc] = (byte)values.Get(doc);
            }

            return bytes;
        }
    }

    /// <summary>The frequencies of <paramref name="term"/> in <paramref name="segment"/> if it is common there and kept; null if not.</summary>
    public static TermFrequencies? Find(AtomicReader segment, Term term)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(term);
        var terms = segment.GetTerms(term.Field)?.GetEnumerator();
        return terms is not null && terms.SeekExact(term.Bytes) && IsCommon(terms.DocFreq, segment.MaxDoc) ? Of(segment, term.Field, terms) : null;
    }

    /// <summary>Counts <paramref name="bytes"/> more against the budget if they fit, after forgetting the segments merged away.</summary>
    private static bool Reserve(long bytes) => Reserve(bytes, ref _bytes, Budget, s => s._terms.Count + s._norms.Count);

    /// <summary>
    /// Counts <paramref name="bytes"/> more against <paramref name="budget"/> in <paramref name="counted"/> if they fit,
    /// after recounting the arrays of the live segments (<paramref name="arrays"/> of each) when they do not.
    /// </summary>
    private static bool Reserve(long bytes, ref long counted, long budget, Func<CommonTerms, int> arrays)
    {
        if (Interlocked.Add(ref counted, bytes) <= budget)
        {
            return true;
        }

        // The arrays of segments merged away went with them: count those of the segments alive, and try once more.
        Interlocked.Exchange(ref counted, BySegment.Sum(s => (long)arrays(s.Value) * s.Value._maxDoc));
        if (Interlocked.Add(ref counted, bytes) <= budget)
        {
            return true;
        }

        Interlocked.Add(ref counted, -bytes);
        return false;
    }
}

/// <summary>
/// One term's frequency in each document of a segment: 0 where absent; 255 and up kept beside the bytes. For each block
/// of <see cref="BlockSize"/> documents also the highest frequency and the highest norm (the shortest text) among
/// those holding the term, from which a search bounds what the term can add to any document of the block
/// (<see cref="FirstPass"/>).
/// </summary>
internal sealed class TermFrequencies
{
    public const int BlockShift = 7;
    public const int BlockSize = 1 << BlockShift;

    /// <summary>How many documents a read reads between calls to its pause (a common term's or phrase's: a few milliseconds at 1 M).</summary>
    public const int PauseEvery = 1 << 14;

    private readonly byte[] _freqs;
    private readonly Dictionary<int, int> _large = [];
    private readonly int[] _blockFreq;
    private readonly byte[] _blockNorm;

    private TermFrequencies(int maxDoc, bool hasNorms)
    {
        _freqs = new byte[maxDoc];
        _blockFreq = new int[(maxDoc + BlockSize - 1) >> BlockShift];
        _blockNorm = new byte[_blockFreq.Length];
        HasNorms = hasNorms;
    }

    /// <summary>Whether the field keeps norms (BM25 weighs a document's length by them); without, every length counts alike.</summary>
    public bool HasNorms { get; }

    /// <summary>
    /// Reads every document of <paramref name="docs"/> (a term's postings, deleted or not, or a phrase's scorer) with its
    /// frequency, and the field's <paramref name="norms"/> for the blocks' highest; none when null. <paramref name="pause"/> is called every <see cref="PauseEvery"/> documents read.
    /// </summary>
    public static TermFrequencies Read(DocsEnum? docs, int maxDoc, NumericDocValues? norms, Action? pause = null)
    {
        var read = new TermFrequencies(maxDoc, norms is not null);
        if (docs is null)
        {
            return read;
        }

        var counted = 0;
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            if (++counted % PauseEvery == 0)
            {
                pause?.Invoke();
            }

            var freq = docs.Freq;
            read._freqs[doc] = (byte)Math.Min(freq, byte.MaxValue);
            if (freq >= byte.MaxValue)
            {
                read._large[doc] = freq;
            }

            var block = doc >> BlockShift;
            read._blockFreq[block] = Math.Max(read._blockFreq[block], freq);
            if (norms is not null)
            {
                // BM25 reads a norm as an unsigned byte; a higher one is a shorter text.
                read._blockNorm[block] = Math.Max(read._blockNorm[block], (byte)norms.Get(doc));
            }
        }

        return read;
    }

    /// <summary>The highest frequency in block <paramref name="block"/> (0: the term is not there) and the highest norm there.</summary>
    public (int Freq, byte Norm) BlockHighest(int block) => (_blockFreq[block], _blockNorm[block]);

    /// <summary>The term's frequency in <paramref name="doc"/>, 0 where it is absent.</summary>
    public int Freq(int doc) => _freqs[doc] == byte.MaxValue ? _large[doc] : _freqs[doc];

    /// <summary>The first document from <paramref name="doc"/> on that holds the term, or NO_MORE_DOCS.</summary>
    public int Next(int doc)
    {
        if (doc >= _freqs.Length)
        {
            return DocIdSetIterator.NO_MORE_DOCS;
        }

        // A common term is often within the next eight documents: one word read first (little-endian, so the first
        // byte that is not zero is the lowest), before the vectorised search, whose set-up cost a call each document.
        if (doc + sizeof(ulong) <= _freqs.Length)
        {
            var next = BinaryPrimitives.ReadUInt64LittleEndian(_freqs.AsSpan(doc));
            if (next != 0)
            {
                return doc + (BitOperations.TrailingZeroCount(next) >> 3);
            }

            doc += sizeof(ulong);
        }

        var found = _freqs.AsSpan(doc).IndexOfAnyExcept((byte)0);
        return found < 0 ? DocIdSetIterator.NO_MORE_DOCS : doc + found;
    }
}

/// <summary>A common term's documents from its <see cref="TermFrequencies"/>, skipping those not in <c>liveDocs</c>.</summary>
internal sealed class FrequencyDocs(TermFrequencies frequencies, IBits? liveDocs, long cost) : DocsEnum
{
    private int _doc = -1;

    /// <summary>The frequencies read, for a reader that looks documents up rather than walking them (<see cref="CandidatePostings"/>).</summary>
    public TermFrequencies Frequencies => frequencies;

    public override int DocID => _doc;

    public override int Freq => frequencies.Freq(_doc);

    public override int NextDoc() => Advance(_doc + 1);

    public override int Advance(int target)
    {
        var doc = frequencies.Next(Math.Max(target, _doc + 1));
        while (doc != NO_MORE_DOCS && liveDocs is not null && !liveDocs.Get(doc))
        {
            doc = frequencies.Next(doc + 1);
        }

        return _doc = doc;
    }

    public override long GetCost() => cost;
}

/// <summary>
/// A segment whose common terms' documents and frequencies (not positions) are read from <see cref="CommonTerms"/>;
/// everything else is the segment's own, so scores are the same.
/// </summary>
internal sealed class CommonTermsReader(AtomicReader segment) : PostingsView(segment)
{
    protected override DocsEnum? Docs(string field, TermsEnum term, IBits? liveDocs) =>
        CommonTerms.IsCommon(term.DocFreq, m_input.MaxDoc) && CommonTerms.Of(m_input, field, term) is { } frequencies
            ? new FrequencyDocs(frequencies, liveDocs, term.DocFreq)
            : null;
}
