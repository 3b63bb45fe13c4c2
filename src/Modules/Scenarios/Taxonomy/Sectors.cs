using Funeng.Kernel.Localization;

namespace Funeng.Scenarios.Taxonomy;

/// <summary>A sector of the scenario taxonomy.</summary>
/// <param name="Key">Stable snake_case key stored with each scenario.</param>
/// <param name="Name">Its name in both languages.</param>
/// <param name="Measures">The policy measures it answers ("gd-2024-ai-empowerment#26").</param>
/// <param name="Indicator">The policy-pack indicator that counts its scenarios, where one exists.</param>
internal sealed record Sector(string Key, LocalizedText Name, IReadOnlyList<string> Measures, string? Indicator = null);

/// <summary>
/// The sectors of measures 19–38 of the 2024 Guangdong document, plus the Guangzhou 2026 work points (elder care,
/// intelligent manufacturing, future industries) and the AI-and-robotics measures ("robot +").
/// </summary>
internal static class Sectors
{
    private const string Gd = "gd-2024-ai-empowerment#";
    private const string Gz = "gz-2026-ai-work-points#";
    private const string Robotics = "gd-ai-robotics-measures#";

    /// <summary>The province-wide indicator every published scenario counts toward.</summary>
    public const string AllScenariosIndicator = "application_scenarios";

    public static IReadOnlyList<Sector> All { get; } =
    [
        new("manufacturing", new("智能制造", "Intelligent manufacturing"), [Gd + "19", Gz + "intelligent-manufacturing-scenarios"], "ai_manufacturing_scenarios"),
        new("construction", new("智能建造", "Intelligent construction"), [Gd + "20"]),
        new("agriculture", new("智慧农业", "Smart agriculture"), [Gd + "21"]),
        new("transport", new("智慧交通", "Smart transport"), [Gd + "22"]),
        new("energy", new("智慧能源", "Smart energy"), [Gd + "23"]),
        new("education", new("智慧教育", "Education"), [Gd + "24"]),
        new("medical", new("医疗健康", "Medical services"), [Gd + "25"]),
        new("elder_care", new("智慧养老", "Elder care"), [Gd + "26", Gz + "elderly-care-scenarios", Robotics + "robot-plus-action"], "ai_elderly_care_scenarios"),
        new("fitness", new("全民健身", "Fitness"), [Gd + "27"]),
        new("housekeeping", new("智慧家政", "Housekeeping"), [Gd + "28"]),
        new("government", new("智慧政务", "Government services"), [Gd + "29"]),
        new("smart_city", new("智慧城市", "Smart city"), [Gd + "30"]),
        new("judicial", new("智慧司法", "Judicial services"), [Gd + "31"]),
        new("security", new("智慧安防", "Safety and security"), [Gd + "32"]),
        new("environment", new("智慧环保", "Environmental protection"), [Gd + "33"]),
        new("commerce", new("智慧商业", "Commerce"), [Gd + "34"]),
        new("finance", new("智慧金融", "Finance"), [Gd + "35"]),
        new("tourism", new("智慧旅游", "Tourism"), [Gd + "36"]),
        new("culture", new("文化娱乐", "Culture and entertainment"), [Gd + "37"]),
        new("science_and_new_sectors", new("科研与新兴领域", "Research and emerging sectors"), [Gd + "38"]),
        new("future_industries", new("未来产业", "Future industries"), [Gz + "future-industries-scenarios"], "ai_future_industries_scenarios"),
        new("robot_plus", new("机器人+", "Robot +"), [Robotics + "robot-plus-action", Robotics + "application-scenarios"]),
    ];

    private static readonly Dictionary<string, Sector> ByKey = All.ToDictionary(s => s.Key, StringComparer.Ordinal);

    public static Sector? Find(string? key) => key is null ? null : ByKey.GetValueOrDefault(key);

    public static LocalizedText NameOf(string? key) => Find(key)?.Name ?? new LocalizedText("全部领域", "All sectors");
}
