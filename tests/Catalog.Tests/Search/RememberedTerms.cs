using Funeng.Catalog.Search;
using Lucene.Net.Index;

namespace Funeng.Catalog.Tests.Search;

/// <summary>A common term's frequencies once read: the first ask starts the read beside the search (<see cref="BackgroundReads"/>), and this waits for it.</summary>
internal static class RememberedTerms
{
    /// <summary>Waits for <paramref name="term"/>'s frequencies in each segment of <paramref name="reader"/> where the term is common.</summary>
    public static void InEvery(IndexReader reader, Term term)
    {
        foreach (var leaf in reader.Leaves.Where(l => CommonTerms.IsCommon(l.AtomicReader.DocFreq(term), l.AtomicReader.MaxDoc)))
        {
            Of(leaf.AtomicReader, term);
        }
    }

    public static TermFrequencies Of(AtomicReader segment, Term term)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        TermFrequencies? frequencies;
        while ((frequencies = CommonTerms.Find(segment, term)) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{term} was never read: not common, or over the budget");
            Thread.Sleep(5);
        }

        return frequencies;
    }
}
