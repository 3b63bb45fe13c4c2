namespace Funeng.Scenarios.Matchmaking;

/// <summary>
/// Words suppliers use for each scenario sector, added to a scenario's text when searching: an owner describes the
/// problem in its own terms ("长者夜间如厕"), a supplier its product in the trade's ("养老", "看护").
/// <para>
/// Only words true of every scenario of the sector: the sector's own names. A task (质检, 调度, 监控, 合同) or a
/// sub-market (银行, 证券, 物流, 无人机) is true of some scenarios only, and the search weighs each added word as
/// much as the owner's own words, so it pulled in suppliers of a different need: an insurance-claims scenario got
/// banking and brokerage assistants, a traffic-signal scenario ride-hailing dispatch (bench/results/scenarios-quality.md).
/// A sector with no such word (future industries: low-altitude or embodied, never both) adds nothing.
/// </para>
/// </summary>
internal static class SectorVocabulary
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["manufacturing"] = "工业 制造 工厂",
        ["construction"] = "建筑 工程 施工",
        ["agriculture"] = "农业 农户",
        ["transport"] = "交通 运输",
        ["energy"] = "能源 电力",
        ["education"] = "教育 教学 学生 教师",
        ["medical"] = "医疗 医学 诊疗 医生 患者",
        ["elder_care"] = "养老 老人 长者 看护",
        ["fitness"] = "运动 健身 体育",
        ["housekeeping"] = "家政 家庭 家居",
        ["government"] = "政务 政府 市民",
        ["smart_city"] = "城市治理 城市管理",
        ["legal"] = "法律 司法 律师",
        ["security"] = "安防 安全",
        ["environment"] = "环境 环保",
        ["retail"] = "电商 零售 商品",
        ["finance"] = "金融",
        ["tourism"] = "旅游 文旅",
        ["culture"] = "文化 媒体 传媒",
        ["research"] = "科研 科学 研究",
        ["robots"] = "机器人",
    };

    public static string Of(string sector) => Words.GetValueOrDefault(sector) ?? "";
}
