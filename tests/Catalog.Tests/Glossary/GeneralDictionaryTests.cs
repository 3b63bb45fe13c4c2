using System.Text;
using Funeng.Catalog.Search.Glossary;

namespace Funeng.Catalog.Tests.Glossary;

/// <summary>The general dictionary (CC-CEDICT) read backwards: which Chinese an English word no glossary entry names searches.</summary>
public sealed class GeneralDictionaryTests
{
    /// <summary>A few entries written for the test in the npm package's shape: traditional, simplified, pinyin, meanings.</summary>
    private const string Module = """
        export default {"all":[
          ["容器","容器","rong2 qi4",["receptacle","vessel; container"],[],[]],
          ["集裝箱","集装箱","ji2 zhuang1 xiang1","container (for freight)",[],[]],
          ["箱","箱","xiang1","box; container",[],[]],
          ["香港","香港","Xiang1 gang3","Hong Kong; container",[],[]],
          ["切削","切削","qie1 xiao1","to machine; machining",[],[]],
          ["機器","机器","ji1 qi4",["machine","machinery"],[],[]],
          ["關於","关于","guan1 yu2","about; concerning",[],[]],
          ["實時","实时","shi2 shi2","(in) real time; instantaneous",[],[]],
          ["生命體徵","生命体征","sheng1 ming4 ti3 zheng1","vital signs",[],[]],
          ["通話","通话","tong1 hua4",["to hold a conversation","to make a phone call; phone call"],[],[]],
          ["打電話","打电话","da3 dian4 hua4","to make a telephone call",[],[]],
          ["中心","中心","zhong1 xin1","center; heart; core",[],[]],
          ["呼叫中心","呼叫中心","hu1 jiao4 zhong1 xin1","call center",[],[]],
          ["組織","组织","zu3 zhi1","to organize; organization",[],[]],
          ["鐘頭","钟头","zhong1 tou2","hour",[],[]],
          ["語","语","yu3","dialect; language; speech",[],[]],
          ["識","识","shi2","to know; knowledge",[],[]],
          ["權","权","quan2","authority; power; right",[],[]],
          ["乾","干","gan1","dry; clean",[],[]],
          ["乾","乾","qian2","one of the Eight Trigrams",[],[]],
          ["乾燥","干燥","gan1 zao4","dry; arid",[],[]],
          ["著作","著作","zhu4 zuo4","to write; literary work",[],[]],
          ["著作權","著作权","zhu4 zuo4 quan2","copyright",[],[]]
        ]};
        """;

    private static readonly GeneralDictionary Dictionary = GeneralDictionary.Read(Encoding.UTF8.GetBytes(Module));

    [Fact]
    public void A_word_translates_to_the_Chinese_it_is_a_whole_meaning_of_the_first_meaning_first()
    {
        // 集装箱's first meaning is container; 容器's is receptacle. The single character 箱 and the place name 香港 stay out.
        Assert.Equal(["集装箱", "容器"], Dictionary.Translations("containers"));
    }

    [Fact]
    public void The_word_as_written_comes_before_another_inflection_of_it()
    {
        // machining stems to machine: 切削 means machining, 机器 a machine.
        Assert.Equal(["切削", "机器"], Dictionary.Translations("machining"));
    }

    [Fact]
    public void A_function_word_and_an_unknown_word_translate_to_nothing()
    {
        Assert.Empty(Dictionary.Translations("about"));
        Assert.Empty(Dictionary.Translations("zebra"));
    }

    [Fact]
    public void An_expression_of_several_words_translates_by_its_words_stems_and_one_with_a_function_word_does_not()
    {
        Assert.Equal(["实时"], Dictionary.PhraseTranslations("real time"));
        Assert.Equal(["生命体征"], Dictionary.PhraseTranslations("vital sign"));
        Assert.Equal(["通话"], Dictionary.PhraseTranslations("phone call"));

        // "to make a telephone call" keeps make and a: no expression of its own, nor of its last words.
        Assert.Empty(Dictionary.PhraseTranslations("make telephone call"));
        Assert.Empty(Dictionary.PhraseTranslations("telephone call"));

        // A meaning of several words is no translation of one of them.
        Assert.Empty(Dictionary.Translations("vital"));
    }

    [Fact]
    public void A_british_spelling_with_no_translation_of_its_own_gets_its_american_spellings()
    {
        Assert.Equal(["中心"], Dictionary.Translations("centres"));
        Assert.Equal(["组织"], Dictionary.Translations("organise"));
        Assert.Equal(["呼叫中心"], Dictionary.PhraseTranslations("call centre"));
        Assert.Equal(["钟头"], Dictionary.Translations("hour"));
    }

    [Theory]
    [InlineData("centre", "center")]
    [InlineData("fibres", "fibers")]
    [InlineData("colour", "color")]
    [InlineData("favourite", "favorite")]
    [InlineData("organisation", "organization")]
    [InlineData("recognised", "recognized")]
    [InlineData("analyse", "analyze")]
    [InlineData("catalogue", "catalog")]
    [InlineData("paediatric", "pediatric")]
    [InlineData("haematology", "hematology")]
    [InlineData("programme", "program")]
    [InlineData("licence", "license")]
    public void A_british_spelling_is_written_the_american_way(string british, string american) =>
        Assert.Contains(american, BritishSpellings.AmericanForms(british));

    [Theory]
    [InlineData("hour")]
    [InlineData("four")]
    [InlineData("genre")]
    [InlineData("acre")]
    [InlineData("raise")]
    [InlineData("center")]
    public void A_word_no_rule_reaches_has_no_other_spelling(string word) =>
        Assert.Empty(BritishSpellings.AmericanForms(word));

    [Theory]
    [InlineData("carried", "carry")]
    [InlineData("organized", "organize")]
    [InlineData("checked", "check")]
    [InlineData("spotted", "spot")]
    [InlineData("organizing", "organize")]
    [InlineData("planning", "plan")]
    [InlineData("labelled", "label")]
    public void A_regular_verbs_form_looks_up_its_base_form(string form, string baseForm) =>
        Assert.Contains(baseForm, RegularInflections.BaseForms(form));

    [Theory]
    [InlineData("called", "call")]
    [InlineData("missed", "miss")]
    public void A_base_form_ending_in_a_double_letter_is_tried_before_it_loses_one(string form, string baseForm)
    {
        var forms = RegularInflections.BaseForms(form).ToList();
        Assert.Contains(baseForm, forms);
        var shortened = forms.IndexOf(baseForm[..^1]);
        Assert.True(shortened < 0 || forms.IndexOf(baseForm) < shortened, string.Join(", ", forms));
    }

    [Theory]
    [InlineData("bed")]
    [InlineData("ring")]
    [InlineData("worn")]
    public void A_word_too_short_or_not_regular_has_no_base_form(string word) =>
        Assert.Empty(RegularInflections.BaseForms(word));

    [Fact]
    public void Traditional_characters_read_as_simplified_by_words_first_and_a_character_that_is_also_simplified_stays()
    {
        Assert.Equal("语识", Dictionary.Simplified("語識"));
        // 乾 is simplified too (乾坤): only a word changes it. 著作權 is one word, 著 of 著作 stays.
        Assert.Equal("著作权与干燥", Dictionary.Simplified("著作權与乾燥"));
        Assert.Equal("乾语", Dictionary.Simplified("乾語"));

        const string simplified = "语音识别与干燥";
        Assert.Same(simplified, Dictionary.Simplified(simplified));
        Assert.Equal("语音识别", GeneralDictionary.Shipped.Simplified("語音識別"));
    }

    [Fact]
    public void The_shipped_dictionary_translates_a_past_tense_krovetz_leaves_as_written()
    {
        Assert.Contains("组织", GeneralDictionary.Shipped.Translations("organized"));
        Assert.Contains("校验", GeneralDictionary.Shipped.Translations("checked"));
    }

    [Fact]
    public void A_sentences_expression_of_several_words_is_found_where_no_glossary_name_took_its_words()
    {
        var glossary = new DomainGlossary([new GlossaryEntry(["语音识别"], ["speech recognition"], "test")], Dictionary);
        const string text = "Watch vital signs in real time, with speech recognition of phone calls.";

        var found = glossary.FindGeneralPhrases(text, glossary.Find(text));

        Assert.Equal(["vital signs", "real time", "phone calls"], found.Select(m => m.Surface));
        Assert.All(found, m => Assert.True(GeneralDictionary.Made(m.Entry)));
        Assert.Equal(["通话"], found[2].Entry.Zh);

        // Words the glossary took stay its own: its name wins over any expression of the dictionary.
        var named = new DomainGlossary([new GlossaryEntry(["实时"], ["real-time"], "test")], Dictionary);
        Assert.Empty(named.FindGeneralPhrases("real time", named.Find("real time")));
        Assert.Empty(new DomainGlossary([]).FindGeneralPhrases(text, []));
    }

    [Fact]
    public void A_glossary_entry_wins_and_a_word_it_lacks_gets_the_shipped_dictionarys_chinese()
    {
        Assert.True(GeneralDictionary.Shipped.Count > 10_000, "the build installs CC-CEDICT beside the host");
        var container = Assert.Single(DomainGlossary.Shipped.Lookup("container"));
        Assert.True(GeneralDictionary.Made(container));
        Assert.Equal("集装箱", container.Zh[0]);

        // Named by the stem whichever inflection is asked first, so a query's forms do not depend on the queries before it.
        var fresh = new DomainGlossary(DomainGlossary.Shipped.Entries, GeneralDictionary.Shipped);
        var plural = Assert.Single(fresh.Lookup("containers"));
        Assert.Equal(["container"], plural.En);
        Assert.Equal(plural, Assert.Single(fresh.Lookup("container")), new EntryContent());

        var pharmacy = DomainGlossary.Shipped.Lookup("pharmacies");
        Assert.DoesNotContain(pharmacy, GeneralDictionary.Made);
        Assert.Contains(pharmacy, e => e.Zh.Contains("药店"));
        Assert.Empty(DomainGlossary.Shipped.Lookup("about"));
    }

    private sealed class EntryContent : IEqualityComparer<GlossaryEntry>
    {
        public bool Equals(GlossaryEntry? x, GlossaryEntry? y) => x is not null && y is not null && x.All.SequenceEqual(y.All) && x.Source == y.Source;

        public int GetHashCode(GlossaryEntry obj) => obj.Zh.Count;
    }
}
