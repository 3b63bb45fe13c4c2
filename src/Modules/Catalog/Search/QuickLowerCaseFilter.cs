using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Funeng.Catalog.Search;

/// <summary>
/// Lucene's <c>LowerCaseFilter</c>, the same terms out, without its cost on Chinese. Lucene.NET lower-cases every code
/// point through the invariant culture (a string and an ICU call each), so each Han character of a text analysed cost a
/// call that changes nothing: a page's hits' reasons and snippets, and the query plan, analyse thousands. ASCII
/// letters, and the scripts that have no case (CJK ideographs, kana, hangul, CJK punctuation), are handled here; a term
/// holding any other character goes through Lucene's own, whole. Measured at 1 M listings: the whole search p50 1.5–2 ms
/// faster, matchmaking half a millisecond a need (bench/results/catalog.md and scenarios.md, stop 44).
/// </summary>
internal sealed class QuickLowerCaseFilter : TokenFilter
{
    private static readonly CharacterUtils LuceneCase = CharacterUtils.GetInstance(BilingualAnalyzer.Version);

    private readonly ICharTermAttribute _term;

    public QuickLowerCaseFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is >= 'A' and <= 'Z')
            {
                buffer[i] = (char)(c + ('a' - 'A'));
            }
            else if (c >= 0x80 && !Caseless(c))
            {
                // Lowering is idempotent, so the letters already lowered here come out the same.
                LuceneCase.ToLower(buffer, 0, length);
                break;
            }
        }

        return true;
    }

    /// <summary>Characters Unicode gives no lower-case form: CJK punctuation, kana, ideographs, hangul syllables.</summary>
    private static bool Caseless(char c) =>
        c is (>= '\u3000' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF');
}
