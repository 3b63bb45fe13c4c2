using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search.Glossary;

/// <summary>
/// English words by their Krovetz stems, the stemmer the index uses, so that a glossary name matches a query's
/// inflected words as the index matches a listing's: "pharmacies" is the name pharmacy, "machine translations" the name
/// machine translation. The glossary lists the forms it thought of (robot|robots); a need written in sentences uses
/// the others (reviews, checked, audiobooks), which matched no name and so found no Chinese listing.
/// </summary>
internal static class EnglishStems
{
    /// <summary>The lower-cased words of <paramref name="text"/> (split at spaces), each stemmed (a possessive's 's dropped), joined by one space.</summary>
    public static string Of(string text) => string.Join(' ', Words(text));

    /// <summary>Each space-separated word of <paramref name="text"/>, lower-cased and stemmed.</summary>
    public static List<string> Words(string text, bool porter = false)
    {
        var stems = new List<string>();
        TokenStream words = new LowerCaseFilter(LuceneVersion.LUCENE_48,
            new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, new WhitespaceTokenizer(LuceneVersion.LUCENE_48, new StringReader(text))));
        using var stream = porter ? (TokenStream)new PorterStemFilter(words) : new KStemFilter(words);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return stems;
    }
}
