using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// Chinese and English in one stream: the standard tokenizer splits Han text into single ideographs, which the
/// CJK bigram filter pairs ("智能客服" → 智能 能客 客服; the word field beside it is cut into words by SmartCn), while
/// Latin words are lower-cased, stop-worded and stemmed by Krovetz's stemmer ("robots" → robot, "imaging" → image).
/// Not Porter's: it cut this domain's words to one stem where they mean different things (generative, general and
/// generation → gener; medication and medical → medic; news → new; communication and community → commun), so an
/// English need for "generative" models matched "general" ones (docs/decisions/0018-english-stemming.md). Bigrams
/// pass the stemmer untouched because it only rewrites Latin letters.
/// </summary>
internal sealed class BilingualAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new QuickLowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>
    /// The analyzer of the index: English titles get the English one (possessives, the same stemming), the word field
    /// SmartCn's word segmenter (chosen over jieba.NET by measurement: docs/decisions/0016-word-segmenter.md); every
    /// other text field the bilingual one. Keyword fields are indexed unanalysed and never reach it.
    /// </summary>
    public static Analyzer PerField() =>
        new PerFieldAnalyzerWrapper(
            new BilingualAnalyzer(),
            new Dictionary<string, Analyzer>
            {
                [IndexFields.TitleEn] = new EnglishTitleAnalyzer(),
                [IndexFields.Words] = new SmartChineseAnalyzer(Version),
            });

    /// <summary>The distinct terms <paramref name="analyzer"/> makes of <paramref name="text"/> for <paramref name="field"/>.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// Lucene's English analyzer with the bilingual field's stemmer: a title and the query terms made for it must be
    /// cut alike, and Lucene's own uses Porter's.
    /// </summary>
    private sealed class EnglishTitleAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
            stream = new KStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }
}
