using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;

namespace Funeng.Catalog.Search;

/// <summary>
/// The word field cut by jieba.NET (dictionary of 349,046 words plus an HMM for unknown ones, its default mode):
/// the alternative to SmartCn measured for issue 12 (docs/decisions/0016-word-segmenter.md). After cutting it does
/// what <see cref="Lucene.Net.Analysis.Cn.Smart.SmartChineseAnalyzer"/> does: punctuation and spaces dropped, lower
/// case, Porter stemming of English.
/// </summary>
internal sealed class JiebaAnalyzer : Analyzer
{
    /// <summary>
    /// The package keeps its dictionary in a Resources folder at the package's root, which NuGet never copies;
    /// Catalog.csproj copies the three files the segmenter reads to <c>jieba/</c> beside every host. jieba.NET reads
    /// the folder from one static setting (default <c>Resources</c> beside the host), set here before its first use.
    /// </summary>
    static JiebaAnalyzer() => ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new JiebaTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(BilingualAnalyzer.Version, source);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /// <summary>jieba's words of the whole text (it needs all of it to cut), each with its offsets; no punctuation or spaces.</summary>
    private sealed class JiebaTokenizer : Tokenizer
    {
        private readonly JiebaSegmenter _segmenter = new();
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private List<JiebaNet.Segmenter.Token> _tokens = [];
        private int _next;
        private int _length;

        public JiebaTokenizer(TextReader reader)
            : base(reader)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            var text = FoldWidth(m_input.ReadToEnd());
            _length = text.Length;
            _tokens = [.. _segmenter.Tokenize(text, TokenizerMode.Default, hmm: true).Where(t => t.Word.Any(char.IsLetterOrDigit))];
            _next = 0;
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_next >= _tokens.Count)
            {
                return false;
            }

            var token = _tokens[_next++];
            _term.SetEmpty().Append(token.Word);
            _offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
            return true;
        }

        public override void End()
        {
            base.End();
            var end = CorrectOffset(_length);
            _offset.SetOffset(end, end);
        }

        /// <summary>
        /// Full-width ASCII (ＡＩ, ３Ｄ) as half-width, one character for one so offsets stay those of the text:
        /// jieba's blocks of words take only half-width letters and digits.
        /// </summary>
        private static string FoldWidth(string text)
        {
            if (!text.Any(c => c is >= '\uFF01' and <= '\uFF5E'))
            {
                return text;
            }

            return string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = source[i] is >= '\uFF01' and <= '\uFF5E' ? (char)(source[i] - 0xFEE0) : source[i];
                }
            });
        }
    }
}
