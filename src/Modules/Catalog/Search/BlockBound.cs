using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// The most a common term adds to any document of a block: BM25's weight times freq / (freq + k1 (1 − b + b len /
/// avgdl)), which grows with the frequency and shrinks with the length, so the block's highest frequency over its
/// shortest length bounds it (Ding and Suel's block-max idea, 2011, over <see cref="TermFrequencies"/>'s blocks).
/// </summary>
internal sealed class BlockBound
{
    private readonly TermFrequencies _frequencies;
    private readonly float _bound;
    /// <summary>k1 (1 − b + b len / avgdl) for each norm byte, as BM25Similarity's cache holds it.</summary>
    private readonly double[] _lengths = new double[256];

    private BlockBound(TermFrequencies frequencies, float bound, BM25Similarity bm25, CollectionStatistics field)
    {
        (_frequencies, _bound) = (frequencies, bound);
        var average = field.SumTotalTermFreq <= 0 ? 1d : (float)(field.SumTotalTermFreq / (double)field.MaxDoc);
        for (var norm = 0; norm < 256; norm++)
        {
            var encoded = SmallSingle.Byte315ToSingle((byte)norm);
            var length = 1d / ((double)encoded * encoded);
            _lengths[norm] = frequencies.HasNorms ? bm25.K1 * ((1 - bm25.B) + (bm25.B * length / average)) : bm25.K1;
        }
    }

    /// <summary>Null where the term is not common in the segment (its bound holds everywhere).</summary>
    public static BlockBound? Of(TermFrequencies? frequencies, float bound, BM25Similarity bm25, CollectionStatistics field) =>
        frequencies is null ? null : new BlockBound(frequencies, bound, bm25, field);

    public float At(int block)
    {
        var (freq, norm) = _frequencies.BlockHighest(block);
        return freq == 0 ? 0f : (float)(_bound * (freq / (freq + _lengths[norm])) * (1 + 1e-6));
    }
}
