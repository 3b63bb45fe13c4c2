using System.Text;
using Funeng.Catalog.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace Funeng.Catalog.Tests.Search;

public sealed class AnalyzerAndSnippetTests
{
    [Fact]
    public void Chinese_becomes_bigrams_and_English_is_stemmed()
    {
        using var analyzer = new BilingualAnalyzer();
        Assert.Equal(["智能", "能客", "客服", "recommendation", "algorithm", "robot", "image"],
            BilingualAnalyzer.Terms(analyzer, IndexFields.All, "智能客服 the Recommendations Algorithms robots imaging"));
    }

    [Theory]
    [InlineData("generative", "general")]
    [InlineData("generative", "generation")]
    [InlineData("medication", "medical")]
    [InlineData("news", "new")]
    [InlineData("communication", "community")]
    [InlineData("organization", "organ")]
    public void Words_that_mean_different_things_keep_different_stems(string word, string other) =>
        Assert.All(EnglishFields, field => Assert.NotEqual(Stems(field, word), Stems(field, other)));

    [Theory]
    [InlineData("robots", "robot")]
    [InlineData("vehicles", "vehicle")]
    [InlineData("policies", "policy")]
    [InlineData("translation", "translate")]
    [InlineData("services", "service")]
    public void A_plural_or_inflection_is_cut_to_its_word_in_both_english_fields(string word, string stem) =>
        Assert.All(EnglishFields, field => Assert.Equal([stem], Stems(field, word)));

    [Fact]
    public void The_quick_lower_case_filter_makes_the_same_terms_as_Lucenes_for_every_character()
    {
        // Every character of the Basic Multilingual Plane but surrogates, in terms of 64 mixed with ASCII capitals, and a
        // few beyond it (a capital with a lower-case form, a mathematical letter without, an ideograph).
        var text = new StringBuilder();
        for (var c = 1; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                text.Append((char)c).Append(c % 3 == 0 ? "Q" : "");
            }
        }

        List<string> terms = [.. text.ToString().Chunk(64).Select(chunk => new string(chunk)), "\U00010400X", "\U0001D400", "\U0002A6A5智能"];
        Assert.Equal(Lowered(terms, stream => new LowerCaseFilter(BilingualAnalyzer.Version, stream)), Lowered(terms, stream => new QuickLowerCaseFilter(stream)));
        Assert.Equal(["智能abc", "école", "\U00010428x"], Lowered(["智能ABC", "ÉCOLE", "\U00010400X"], stream => new QuickLowerCaseFilter(stream)));
    }

    [Fact]
    public void A_snippet_marks_matches_and_encodes_the_rest()
    {
        using var analyzer = new BilingualAnalyzer();
        var html = Snippets.Highlight(analyzer, ["提供<智能客服>机器人"], [BilingualAnalyzer.Terms(analyzer, IndexFields.All, "客服")]);
        Assert.Equal("提供&lt;智能<mark>客服</mark>&gt;机器人", html);
    }

    [Fact]
    public void Overlapping_bigrams_merge_into_one_mark_and_long_text_is_cut_around_the_first_match()
    {
        using var analyzer = new BilingualAnalyzer();
        var text = new string('甲', 200) + "社区养老服务平台" + new string('乙', 200);
        var html = Snippets.Highlight(analyzer, [text], [BilingualAnalyzer.Terms(analyzer, IndexFields.All, "养老服务")]);
        Assert.Contains("<mark>养老服务</mark>", html);
        Assert.StartsWith("…", html);
        Assert.EndsWith("…", html);
    }

    [Fact]
    public void A_passage_cut_before_the_first_match_starts_at_a_whole_English_word()
    {
        using var analyzer = new BilingualAnalyzer();
        var text = "Deep synthesis algorithm filed with the Cyberspace Administration of China, offered by 广州普鸿 in 消防控制室值班机器人(网站).";
        var html = Snippets.Highlight(analyzer, [text], [BilingualAnalyzer.Terms(analyzer, IndexFields.All, "值班")]);
        Assert.StartsWith("…offered by 广州普鸿 in 消防控制室<mark>值班</mark>", html);
    }

    [Fact]
    public void A_name_is_marked_only_whole_so_its_common_part_alone_is_not()
    {
        using var analyzer = new BilingualAnalyzer();
        var html = Snippets.Highlight(analyzer, ["提供客户服务，也做养老服务"], [BilingualAnalyzer.Terms(analyzer, IndexFields.All, "养老服务")]);
        Assert.Equal("提供客户服务，也做<mark>养老服务</mark>", html);
    }

    /// <summary>Each of <paramref name="terms"/> as one token through <paramref name="filter"/>.</summary>
    private static List<string> Lowered(IEnumerable<string> terms, Func<TokenStream, TokenStream> filter)
    {
        var lowered = new List<string>();
        foreach (var term in terms)
        {
            using var stream = filter(new KeywordTokenizer(new StringReader(term)));
            var attribute = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                lowered.Add(attribute.ToString());
            }

            stream.End();
        }

        return lowered;
    }

    /// <summary>The fields that stem English: the bilingual text and the English title (each with its own analyzer chain).</summary>
    private static readonly string[] EnglishFields = [IndexFields.All, IndexFields.TitleEn];

    private static List<string> Stems(string field, string word)
    {
        using var analyzer = BilingualAnalyzer.PerField();
        return BilingualAnalyzer.Terms(analyzer, field, word);
    }
}
