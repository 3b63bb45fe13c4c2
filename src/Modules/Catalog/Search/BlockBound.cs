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
    private readonly BlockLengths _lengths;

    private BlockBound(TermFrequencies frequencies, float bound, BlockLengths lengths) => (_frequencies, _bound, _lengths) = (frequencies, bound, lengths);

    /// <summary>k1 (1 − b + b len / avgdl) for each norm byte, as BM25Similarity's cache holds it, for one field; k1 alone where the field keeps no norms.</summary>
    internal sealed record BlockLengths(double[] WithNorms, double WithoutNorms);

    /// <summary>A field's <see cref="BlockLengths"/>, once per search: they depend on BM25's k1 and b and the field's average length only.</summary>
    public static BlockLengths Lengths(BM25Similarity bm25, CollectionStatistics field)
    {
        ArgumentNullException.ThrowIfNull(bm25);
        ArgumentNullException.ThrowIfNull(field);
        var average = field.SumTotalTermFreq <= 0 ? 1d : (float)(field.SumTotalTermFreq / (double)field.MaxDoc);
        var lengths = new double[256];
        for (var norm = 0; norm < 256; norm++)
        {
            var encoded = SmallSingle.Byte315ToSingle((byte)norm);
            var length = 1d / ((double)encoded * encoded);
            lengths[norm] = bm25.K1 * ((1 - bm25.B) + (bm25.B * length / average));
        }

        return new BlockLengths(lengths, bm25.K1);
    }

    /// <summary>Null where the term is not common in the segment (its bound holds everywhere).</summary>
    public static BlockBound? Of(TermFrequencies? frequencies, float bound, BlockLengths lengths) =>
        frequencies is null ? null : new BlockBound(frequencies, bound, lengths);

    public float At(int block)
    {
        var (freq, norm) = _frequencies.BlockHighest(block);
        var length = _frequencies.HasNorms ? _lengths.WithNorms[norm] : _lengths.WithoutNorms;
        return freq == 0 ? 0f : (float)(_bound * (freq / (freq + length)) * (1 + 1e-6));
    }
}
