namespace Funeng.Scenarios.Matchmaking;

/// <summary>
/// Words suppliers use for each scenario sector, added to a scenario's text when searching: an owner describes the
/// problem in its own terms ("长者夜间如厕"), a supplier its product in the trade's ("养老", "看护").
/// </summary>
internal static class SectorVocabulary
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["manufacturing"] = "工业 制造 生产 设备 工厂 质检",
        ["construction"] = "建筑 工程 施工 装修",
        ["agriculture"] = "农业 种植 养殖 农户 农作物",
        ["transport"] = "交通 出行 物流 车辆 调度",
        ["energy"] = "能源 电力 电网 储能 光伏",
        ["education"] = "教育 教学 学生 学习 教师",
        ["medical"] = "医疗 医学 健康 诊疗 医生 患者",
        ["elder_care"] = "养老 老人 长者 看护 陪伴 健康",
        ["fitness"] = "运动 健身 体育",
        ["housekeeping"] = "家政 家庭 家居",
        ["government"] = "政务 政府 市民 办事 政策",
        ["smart_city"] = "城市治理 城市管理 监控 巡查",
        ["legal"] = "法律 司法 律师 合同",
        ["security"] = "安防 安全 监控 预警",
        ["environment"] = "环境 环保 监测 水质",
        ["retail"] = "电商 商品 零售 营销 购物",
        ["finance"] = "金融 银行 理财 证券 保险",
        ["tourism"] = "旅游 文旅 景区 导游 行程",
        ["culture"] = "文化 媒体 新闻 视频 创作",
        ["research"] = "科研 科学 研究 材料 论文",
        ["future_industries"] = "低空 无人机 具身 机器人",
        ["robots"] = "机器人 具身 智能体 多模态",
    };

    public static string Of(string sector) => Words.GetValueOrDefault(sector) ?? "";
}
