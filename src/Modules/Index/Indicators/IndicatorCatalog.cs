using Funeng.Kernel.Localization;

namespace Funeng.Index.Indicators;

/// <summary>
/// Every indicator the platform tracks: one for each indicator key of the policy pack's targets (a test checks
/// the pack against this list) and the index-only ones built from real data and live counts.
/// </summary>
internal static class IndicatorCatalog
{
    private static readonly LocalizedText StatisticsBureau = new("省统计局/工信厅年度统计（人工填报或导入）", "Provincial statistics and industry department figures (entered or imported)");
    private static readonly LocalizedText CacLists = new("国家网信办算法备案清单（公开数据）", "CAC algorithm filing lists (public data)");
    private static readonly LocalizedText CacGenAi = new("国家网信办生成式人工智能服务备案/登记公告（公开数据）", "CAC generative-AI service filing notices (public data)");

    private static Indicator Province(string key, string zh, string en, string defZh, string defEn, string unit, string? pillar = null, Polarity polarity = Polarity.HigherIsBetter) =>
        new(key, new(zh, en), new(defZh, defEn), unit, polarity, StatisticsBureau, Frequency.Annual, IndicatorScope.Province, pillar, false);

    private static readonly Dictionary<string, string> ModuleNamesZh = new(StringComparer.Ordinal)
    {
        ["Compute"] = "算力", ["Catalog"] = "供给目录", ["Scenarios"] = "应用场景", ["Incentives"] = "奖补政策",
    };

    private static Indicator Live(string key, string zh, string en, string defZh, string defEn, string unit, string? pillar, string module, bool perPeriod = false) =>
        new(key, new(zh, en), new(defZh, defEn), unit, Polarity.HigherIsBetter,
            new($"平台实时统计（{ModuleNamesZh[module]}模块），缺失时用地市填报", $"Live count from the platform ({module} module); city reports fill gaps"),
            Frequency.Continuous, IndicatorScope.ProvinceAndCity, pillar, true, module, perPeriod);

    public static IReadOnlyList<Indicator> All { get; } =
    [
        // Platform support: compute and data infrastructure.
        new("compute_capacity", new("算力规模", "Computing capacity"), new("已投入使用的智能算力规模（FP16）；平台登记的算力中心只是其中一部分，故以省里报告的数字为准，登记数并列显示", "Installed AI computing capacity (FP16) in service; the centres registered on the platform are only part of it, so the province's reported figure stands and the registry's is shown beside it"),
            "eflops", Polarity.HigherIsBetter, new("省里报告的数字；平台算力中心登记数并列（算力模块）", "The province's reported figure; the platform's compute registry alongside (Compute module)"),
            Frequency.Continuous, IndicatorScope.ProvinceAndCity, Pillars.PlatformSupport, true, "Compute", LiveIsRegistry: true),
        Live("compute_device_hours", "公共算力使用量", "Public compute used", "在公共算力中心运行作业所用的加速卡小时数", "Accelerator-hours used by jobs on public compute centres", "device_hours", Pillars.PlatformSupport, "Compute", perPeriod: true),
        Live("industry_datasets", "高质量行业数据集", "High-quality industry datasets", "在平台发布的高质量行业数据集数量", "Industry datasets published on the platform", "count", Pillars.PlatformSupport, "Catalog"),
        Province("urban_compute_latency", "城区算力时延", "Urban compute latency", "重点城区算力设施间的网络时延", "Network latency between key urban compute facilities", "milliseconds", polarity: Polarity.LowerIsBetter),

        // Model cultivation: algorithms and models built and filed.
        Live("algorithm_products", "示范推广算法产品", "Showcase algorithm products", "办公室已发布的创新产品推荐目录收录的算法产品数（不计备案）", "Algorithm products in the office's published recommendation catalog editions (filings are not counted)", "count", Pillars.ModelCultivation, "Catalog"),
        new("algorithm_filings", new("算法备案数（累计）", "Algorithms filed (cumulative)"),
            new("在国家网信办完成备案的深度合成与推荐类算法累计数量，按备案编号中的行政区划归属地市", "Deep-synthesis and recommendation algorithms filed with the CAC to date, placed in a city by the admin code of the filing number"),
            "count", Polarity.HigherIsBetter, CacLists, Frequency.Annual, IndicatorScope.ProvinceAndCity, Pillars.ModelCultivation, true),
        new("genai_filings", new("生成式AI服务备案/登记数（累计）", "Generative-AI services filed or registered (cumulative)"),
            new("属地为广东的生成式人工智能服务累计备案与登记数量", "Generative-AI services with Guangdong as their place of filing, filed or registered to date"),
            "count", Polarity.HigherIsBetter, CacGenAi, Frequency.Annual, IndicatorScope.ProvinceAndCity, Pillars.ModelCultivation, true),
        Live("ai_models", "培育人工智能模型", "AI models cultivated", "平台发布的大模型条目数量", "Large-model listings published on the platform", "count", Pillars.ModelCultivation, "Catalog"),

        // Scenario development: demand opened to AI.
        Live("application_scenarios", "人工智能应用场景", "AI application scenarios", "发布的人工智能应用场景数量", "AI application scenarios published", "count", Pillars.ScenarioDevelopment, "Scenarios", perPeriod: true),
        Live("ai_elderly_care_scenarios", "AI+养老应用场景", "AI + elderly care scenarios", "发布的养老领域人工智能应用场景", "Elderly-care AI scenarios published", "count", Pillars.ScenarioDevelopment, "Scenarios", perPeriod: true),
        Live("ai_manufacturing_scenarios", "AI+智能制造应用场景", "AI + manufacturing scenarios", "发布的智能制造领域人工智能应用场景", "Manufacturing AI scenarios published", "count", Pillars.ScenarioDevelopment, "Scenarios", perPeriod: true),
        Live("ai_future_industries_scenarios", "AI+未来产业应用场景", "AI + future industries scenarios", "发布的未来产业领域人工智能应用场景", "Future-industries AI scenarios published", "count", Pillars.ScenarioDevelopment, "Scenarios", perPeriod: true),
        Live("benchmark_cases", "标杆案例", "Benchmark cases", "入选的人工智能赋能新型工业化标杆案例", "Benchmark cases of AI-empowered industrialisation selected", "count", Pillars.ScenarioDevelopment, "Scenarios", perPeriod: true),

        // Policy system: support actually delivered.
        Live("incentive_awards", "政策兑现项目数", "Incentive awards made", "按政策规则批准的奖励与补贴数量", "Awards and subsidies approved under the programs' rules", "count", Pillars.PolicySystem, "Incentives", perPeriod: true),
        Live("incentive_award_yuan", "政策兑现金额", "Incentive funds awarded", "批准的奖励与补贴金额", "Money approved in awards and subsidies", "cny", Pillars.PolicySystem, "Incentives", perPeriod: true),
        Province("benchmark_case_reward", "标杆案例奖励", "Reward per benchmark case", "每个标杆案例的奖励金额", "Reward paid per benchmark case", "cny"),
        Province("single_champion_reward", "单项冠军奖励", "Single-champion reward", "对国家级单项冠军企业的奖励", "Reward to national single-champion enterprises", "cny"),
        Province("major_project_provincial_support", "重大专项省级配套", "Provincial support per major project", "重大专项的省级配套资金", "Provincial matching funds per major project", "cny"),

        // Market entities: the firms and products of the industry.
        new("filing_entities", new("备案主体数（累计）", "Filing enterprises (cumulative)"),
            new("在国家网信办备案过算法的不同主体（企业）数量", "Distinct entities (enterprises) that have filed an algorithm with the CAC"),
            "count", Polarity.HigherIsBetter, CacLists, Frequency.Annual, IndicatorScope.ProvinceAndCity, Pillars.MarketEntities, false),
        Live("smart_terminal_products", "智能终端产品", "Smart terminal products", "平台收录的广泛应用的智能终端产品", "Widely used smart terminal products listed", "count", Pillars.MarketEntities, "Catalog"),
        Province("core_ai_industry_revenue", "核心产业规模", "Core AI industry size", "人工智能核心产业营业收入", "Operating revenue of the core AI industry", "cny", Pillars.MarketEntities),
        Province("intelligent_software_revenue", "智能软件产业规模", "Intelligent software industry size", "智能软件产业营业收入", "Operating revenue of the intelligent software industry", "cny", Pillars.MarketEntities),

        // Industry outcomes the policy targets but the index does not score.
        Province("high_end_sensor_industry_scale", "高端传感器产业规模", "High-end sensor industry size", "高端智能传感器产业规模，相对基数的倍数", "High-end smart sensor industry size, as a multiple of the baseline", "ratio"),
        Province("autonomous_ai_software_coverage", "自主AI软件覆盖率", "Home-grown AI software coverage", "自主可控人工智能软件的覆盖率", "Coverage of home-grown AI software", "percent"),
        Province("smart_robot_revenue", "智能机器人营收", "Smart robot revenue", "智能机器人产业营业收入", "Operating revenue of the smart robot industry", "cny"),
        Province("high_end_equipment_revenue", "高端装备营收", "High-end equipment revenue", "高端装备制造业营业收入", "Operating revenue of high-end equipment manufacturing", "cny"),
        Province("nev_annual_output", "新能源汽车年产量", "NEV annual output", "新能源汽车年产量", "New energy vehicles produced in the year", "vehicles"),
        Province("ai_phone_output", "AI手机产量", "AI phone output", "AI手机年产量", "AI phones produced", "units"),
        Province("ai_computer_output", "AI电脑产量", "AI computer output", "AI电脑年产量", "AI computers produced", "units"),
        Live("care_rehab_new_products", "康养新产品", "New care and rehabilitation products", "平台发布的康养类智能终端产品条目", "Published smart terminal listings in the care and rehabilitation category", "count", null, "Catalog"),
        Province("smart_appliance_cluster_revenue", "智能家电集群营收", "Smart appliance cluster revenue", "智能家电战略集群营业收入", "Operating revenue of the smart home appliance cluster", "cny"),
        Live("vr_terminals_and_applications", "虚拟现实终端与应用", "VR terminals and applications", "平台发布的虚拟现实类智能终端产品条目", "Published smart terminal listings in the virtual reality category", "count", null, "Catalog"),
        Province("national_green_factories", "国家级绿色工厂", "National green factories", "国家级绿色工厂数量", "National-level green factories", "count"),
    ];

    private static readonly Dictionary<string, Indicator> ByKey = All.ToDictionary(i => i.Key, StringComparer.Ordinal);

    public static Indicator? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>An indicator's name in both languages (its key when there is no such indicator): for stored messages.</summary>
    public static LocalizedText NameOf(string key) => Find(key)?.Name ?? new LocalizedText(key, key);

    public static IEnumerable<Indicator> InPillar(string pillar) => All.Where(i => i.Pillar == pillar);
}
