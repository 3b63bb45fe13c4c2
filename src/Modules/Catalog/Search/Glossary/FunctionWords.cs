namespace Funeng.Catalog.Search.Glossary;

/// <summary>
/// Chinese words that carry no need of their own, left out of a query's concepts and its bag of terms: an owner
/// writing "回答长者关于用药的咨询" needs 用药 and 咨询, not 关于. Concepts are chosen rarest first
/// (<see cref="SearchTuning.MaxConcepts"/>), and a preposition is rare in listings, which never say "about": with only
/// the first short list (a request's pronouns, modal verbs and fillers), 关于 and 根据 took concept places from the
/// need's words and showed as match reasons. The rest are Chinese grammar's closed classes written out by class, not
/// chosen by any query's result; on the training split and the labelled set they rank the same as before
/// (bench/results/timesplit.md, stop 21).
/// </summary>
internal static class FunctionWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // A request's pronouns, modal verbs and fillers
        "我们", "你们", "他们", "需要", "希望", "能够", "可以", "进行", "通过", "实现", "一个", "一些", "以及", "或者", "并且",
        "目前", "如何", "什么", "这个", "那个", "这些", "那些", "帮助", "相关", "其他", "问题", "方面", "主要", "要求", "已经",
        "没有", "还有", "因为", "所以", "但是", "如果", "就是", "自己", "很多", "比较", "非常", "每天", "现在", "之后", "之前",
        // Particles, conjunctions and prepositions of one character, which end a run of single characters that the
        // segmenter left (用 药 的 → 用药); characters that start common words when it splits them (对话, 不良) stay out
        "的", "了", "和", "与", "及", "或", "并", "在", "把", "被", "由", "从", "向", "于", "之", "也", "都", "又",
        // The copula, modal verbs, adverbs, pronouns, numerals, classifiers and sentence particles of one character,
        // which end a run too: with them, runs of a sentence became chunks no listing says (是一家, 有能听懂, 看诊时),
        // rare in the index and so chosen before the need's words (stop 32: the same on the training split, 0.5378
        // both, and on the labelled set; a sentence's concepts read 药企, 听懂, 看诊)
        "是", "有", "想", "要", "会", "能", "可", "就", "才", "还", "很", "太", "更", "最", "已", "先", "这", "那", "我", "你",
        "他", "她", "它", "们", "吗", "呢", "吧", "啊", "着", "掉", "里", "时", "成", "帮", "给", "让", "一", "二", "三", "两",
        "几", "千", "百", "万", "第", "每", "个", "些", "条", "张", "次", "件", "位", "种", "道", "家",
        // Prepositions
        "关于", "对于", "根据", "按照", "依据", "依照", "为了", "由于", "随着", "经过", "针对", "基于", "除了", "有关",
        // Conjunctions
        "而且", "同时", "此外", "另外", "因此", "从而", "进而", "然后", "以便", "以免", "及其", "还是", "不仅", "而是", "虽然",
        "然而", "只要", "只有", "无论", "不论", "即使", "并将", "或是", "其次", "首先", "最后",
        // Pronouns and determiners
        "其中", "每个", "各种", "各类", "所有", "任何", "某些", "本身", "彼此", "大家", "它们", "这样", "那样", "这里",
        "那里", "哪些", "怎样", "怎么", "为何",
        // Adverbs
        "正在", "仍然", "尤其", "特别", "往往", "经常", "一般", "通常", "更加", "更好", "尽量", "逐一", "逐个", "分别", "一起",
        "一直", "十分", "相当", "较为", "大量", "许多", "不断", "随时", "立即", "马上", "曾经", "当前",
        // Modal and auxiliary verbs
        "应该", "必须", "可能", "是否", "能否", "应当", "愿意",
        // Light verbs
        "提供", "使用", "利用", "采用", "给出", "做到", "包括", "涉及", "存在", "具有", "成为", "作为", "加以",
        "给予", "予以",
    };

    /// <summary>
    /// English closed classes beyond Lucene's stop words (which keep only the, of, and and the like), and the verbs a
    /// request is made of (want, need, make, get): "Our call centre records every phone call. We want…" made Our, We,
    /// every and want concepts, which match any English summary ("we provide…") and take the places of the need's words.
    /// A word that is a glossary name stays a concept (QueryPlan checks the glossary first).
    /// </summary>
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        // Pronouns
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers",
        "they", "them", "their", "theirs", "its", "itself", "myself", "ourselves", "yourself", "yourselves", "themselves",
        "who", "whom", "whose", "which", "what", "whatever", "whoever", "someone", "anyone", "everyone", "something",
        "anything", "everything", "nothing",
        // Determiners and quantifiers
        "each", "every", "all", "any", "some", "many", "much", "more", "most", "few", "several", "other", "another", "both",
        "either", "neither", "own", "same", "those", "lot", "lots",
        // Numerals
        "one", "two", "three", "four", "five", "ten", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        // Auxiliary and modal verbs
        "am", "were", "been", "being", "do", "does", "did", "done", "have", "has", "had", "having", "can", "could", "may",
        "might", "must", "shall", "should", "would",
        // Prepositions
        "about", "above", "across", "after", "against", "along", "among", "around", "before", "behind", "below", "beside",
        "between", "beyond", "during", "except", "from", "inside", "near", "off", "onto", "out", "outside", "over", "since",
        "through", "throughout", "toward", "towards", "under", "until", "up", "upon", "via", "within", "without", "per",
        // Conjunctions
        "although", "because", "unless", "whether", "while", "whereas", "so", "than", "though", "also", "however", "therefore",
        // Adverbs
        "very", "too", "quite", "just", "only", "even", "still", "already", "always", "often", "never", "sometimes",
        "usually", "really", "almost", "soon", "now", "when", "where", "why", "how", "here", "again", "ever", "yet", "else",
        // The verbs a request is made of
        "want", "wants", "wanted", "need", "needs", "needed", "hope", "hopes", "like", "wish", "wishes", "looking", "seek",
        "seeking", "require", "requires", "please", "able", "get", "gets", "getting", "got", "make", "makes", "making",
        "made", "keep", "keeps", "take", "takes", "give", "gives", "go", "goes", "going", "know", "knows", "let", "lets",
        "use", "uses", "using", "used",
    };

    /// <summary>
    /// English words for the kind of thing wanted rather than what it does: on the demo catalog "We need a platform that
    /// transcribes meeting recordings" ranked every listing titled …平台 or …系统 first, through the glossary's 平台|系统.
    /// They stay concepts when nothing else is asked ("platform" alone). English only: the Chinese 系统, 平台, 工具,
    /// 软件 and 方案 treated alike cost Chinese needs on both splits (bench/results/timesplit.md, stop 36).
    /// </summary>
    private static readonly HashSet<string> ProductKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "system", "systems", "platform", "platforms", "tool", "tools", "software", "solution", "solutions",
    };

    public static bool Contains(string word) => Words.Contains(word);

    /// <summary>Whether <paramref name="word"/> names a kind of product (system, 平台) rather than a need.</summary>
    public static bool IsProductKind(string word) => ProductKinds.Contains(word);

    /// <summary>Whether <paramref name="word"/> is an English function word or a request's verb (case-insensitive).</summary>
    public static bool ContainsEnglish(string word) => English.Contains(word);
}
