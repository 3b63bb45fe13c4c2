using Funeng.Kernel.Localization;

namespace Funeng.Kernel.Taxonomy;

/// <summary>
/// The one sector taxonomy of the platform: scenarios, listings, organisation profiles, compute requests and the
/// facts incentive programs read all use these keys, so a sector means the same thing in every module. The first
/// twenty-two are the sectors of measures 19–38 of the 2024 Guangdong document, the Guangzhou 2026 work points and
/// the robotics measures (Scenarios maps each to its measures); the rest cover what real suppliers offer.
/// </summary>
public static class Sectors
{
    public static IReadOnlyList<(string Key, LocalizedText Name)> All { get; } =
    [
        ("manufacturing", new("智能制造", "Intelligent manufacturing")),
        ("construction", new("智能建造", "Intelligent construction")),
        ("agriculture", new("智慧农业", "Smart agriculture")),
        ("transport", new("智慧交通", "Smart transport")),
        ("energy", new("智慧能源", "Smart energy")),
        ("education", new("智慧教育", "Education")),
        ("medical", new("医疗健康", "Medical and health")),
        ("elder_care", new("智慧养老", "Elder care")),
        ("fitness", new("全民健身", "Fitness")),
        ("housekeeping", new("智慧家政", "Housekeeping")),
        ("government", new("智慧政务", "Government services")),
        ("smart_city", new("智慧城市", "Smart city")),
        ("legal", new("智慧司法", "Legal and judicial services")),
        ("security", new("智慧安防", "Safety and security")),
        ("environment", new("智慧环保", "Environmental protection")),
        ("retail", new("智慧商业", "Commerce and retail")),
        ("finance", new("智慧金融", "Finance")),
        ("tourism", new("智慧旅游", "Tourism")),
        ("culture", new("文化娱乐", "Culture, media and entertainment")),
        ("research", new("科研与新兴领域", "Research and emerging sectors")),
        ("future_industries", new("未来产业", "Future industries")),
        ("robots", new("机器人", "Robots")),
        ("customer_service", new("客服与企业服务", "Customer and enterprise services")),
        ("software", new("软件和信息服务", "Software and information services")),
        ("general", new("通用", "General purpose")),
        ("other", new("其他", "Other")),
    ];

    private static readonly Dictionary<string, LocalizedText> ByKey = All.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);

    /// <summary>True for a key of the taxonomy.</summary>
    public static bool IsKnown(string key) => ByKey.ContainsKey(key);

    /// <summary>The display name of a key (the key itself when unknown).</summary>
    public static LocalizedText Name(string key) => ByKey.GetValueOrDefault(key) ?? new LocalizedText(key, key);
}
