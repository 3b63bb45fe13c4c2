using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// The documents a first pass kept (<see cref="HitBudgets.Candidates"/>), as a filter the full query leaps through: it
/// reads only these documents' postings instead of every document that matches.
/// </summary>
internal sealed class CandidateFilter(IEnumerable<ScoreDoc> hits) : Filter
{
    private readonly int[] _docs = [.. hits.Select(h => h.Doc).Order()];

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = context.AtomicReader;
        var bits = new FixedBitSet(reader.MaxDoc);
        var start = Array.BinarySearch(_docs, context.DocBase);
        for (var i = start < 0 ? ~start : start; i < _docs.Length && _docs[i] < context.DocBase + reader.MaxDoc; i++)
        {
            // The query under a leapfrogging filter is scored without the deletions: the filter applies them.
            if (acceptDocs is null || acceptDocs.Get(_docs[i] - context.DocBase))
            {
                bits.Set(_docs[i] - context.DocBase);
            }
        }

        return bits;
    }
}
