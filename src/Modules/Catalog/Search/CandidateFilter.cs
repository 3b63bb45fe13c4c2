using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// The documents a first pass kept (<see cref="HitBudgets.Candidates"/>), as a filter the full query leaps through: it
/// reads only these documents' postings instead of every document that matches.
/// </summary>
internal sealed class CandidateFilter(int[] sortedDocs) : Filter
{
    /// <summary>The documents of <paramref name="sortedDocs"/> (index-wide numbers, ascending) in the segment at <paramref name="docBase"/>, numbered within it.</summary>
    public static int[] InSegment(int[] sortedDocs, int docBase, int maxDoc)
    {
        ArgumentNullException.ThrowIfNull(sortedDocs);
        var from = Array.BinarySearch(sortedDocs, docBase);
        var to = Array.BinarySearch(sortedDocs, docBase + maxDoc);
        return [.. sortedDocs[(from < 0 ? ~from : from)..(to < 0 ? ~to : to)].Select(d => d - docBase)];
    }

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
        foreach (var doc in InSegment(sortedDocs, context.DocBase, context.AtomicReader.MaxDoc))
        {
            // The query under a leapfrogging filter is scored without the deletions: the filter applies them.
            if (acceptDocs is null || acceptDocs.Get(doc))
            {
                bits.Set(doc);
            }
        }

        return bits;
    }
}
