using Funeng.Kernel.Geography;

namespace Funeng.Catalog.Import;

/// <summary>
/// Maps the free text of the real filing lists onto the catalog's vocabulary: city names to slugs, purposes and
/// categories to sectors, CAC algorithm classes to English. Keyword rules, deterministic, first match per sector.
/// </summary>
internal static class RealDataVocabulary
{
    private static readonly (string Sector, string[] Words)[] SectorWords =
    [
        ("medical", ["医疗", "医院", "医学", "健康", "诊", "药", "病"]),
        ("education", ["教育", "学习", "教学", "学生", "课程", "作业", "题"]),
        ("finance", ["金融", "银行", "支付", "保险", "证券", "贷", "理财", "基金"]),
        ("government", ["政务", "政府", "公共服务", "城市治理"]),
        ("transport", ["出行", "交通", "打车", "导航", "物流", "配送", "骑手", "车辆", "驾驶", "地图"]),
        ("retail", ["电商", "商品", "购物", "商家", "零售", "营销", "广告", "外卖"]),
        ("customer_service", ["客服", "问答", "咨询", "办公", "企业服务", "文档"]),
        ("culture", ["直播", "视频", "音乐", "新闻", "资讯", "内容", "图片", "图像", "小说", "游戏", "社交", "短剧", "数字人", "虚拟人", "语音合成", "配音"]),
        ("manufacturing", ["制造", "工业", "工厂", "生产", "质检", "设备"]),
        ("energy", ["能源", "电力", "电网", "储能", "光伏"]),
        ("agriculture", ["农业", "农村", "种植", "养殖"]),
        ("tourism", ["旅游", "酒店", "景区", "文旅"]),
        ("elder_care", ["养老", "老年", "长者"]),
        ("robots", ["机器人"]),
        ("legal", ["法律", "司法", "律师", "合同"]),
        ("research", ["科研", "科学", "研究"]),
    ];

    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["通用"] = "general", ["金融"] = "finance", ["医疗"] = "medical", ["医学"] = "medical", ["科研"] = "research",
        ["工业"] = "manufacturing", ["客服"] = "customer_service", ["企业服务"] = "customer_service", ["媒体"] = "culture",
        ["政务"] = "government", ["教育"] = "education", ["营销"] = "retail", ["司法"] = "legal", ["文旅"] = "tourism",
        ["农业"] = "agriculture", ["交通运输"] = "transport", ["交通"] = "transport", ["能源"] = "energy", ["电力"] = "energy",
        ["法律"] = "legal", ["电商"] = "retail", ["汽车"] = "transport", ["心理"] = "medical", ["健康"] = "medical",
        ["城市"] = "government", ["安全"] = "government", ["游戏"] = "culture", ["影视"] = "culture",
    };

    private static readonly Dictionary<string, string> AlgorithmClasses = new(StringComparer.Ordinal)
    {
        ["个性化推送类"] = "personalised recommendation",
        ["调度决策类"] = "scheduling and decision-making",
        ["信息检索类"] = "information retrieval",
        ["检索过滤类"] = "search filtering",
        ["排序精选类"] = "ranking and selection",
        ["内容过滤类"] = "content filtering",
        ["生成合成类"] = "generation and synthesis",
    };

    /// <summary>The slug of a Guangdong city named in Chinese ("深圳", "深圳市", "广东深圳"), or null.</summary>
    public static string? CitySlug(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        if (trimmed.StartsWith("广东", StringComparison.Ordinal) && trimmed.Length > 2)
        {
            trimmed = trimmed[2..];
        }

        trimmed = trimmed.TrimEnd('市');
        return GuangdongCities.All.FirstOrDefault(c => c.Name.Zh == trimmed || string.Equals(c.Slug, trimmed, StringComparison.OrdinalIgnoreCase))?.Slug;
    }

    /// <summary>Sectors whose keywords occur in <paramref name="text"/>; "general" when none does.</summary>
    public static IReadOnlyList<string> SectorsOf(string text)
    {
        var sectors = SectorWords.Where(s => s.Words.Any(w => text.Contains(w, StringComparison.Ordinal))).Select(s => s.Sector).Take(3).ToList();
        return sectors.Count == 0 ? ["general"] : sectors;
    }

    /// <summary>The sector of a category label of the LLM list (e.g. 医疗 → medical).</summary>
    public static string? SectorOfCategory(string category) => Categories.GetValueOrDefault(category.Trim());

    public static string AlgorithmClassEn(string zh) => AlgorithmClasses.GetValueOrDefault(zh.Trim()) ?? "";
}
