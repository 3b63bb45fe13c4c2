using Funeng.Kernel.Localization;

namespace Funeng.Scenarios.Taxonomy;

/// <summary>A sector of the platform's one taxonomy, as scenarios see it.</summary>
/// <param name="Key">The key of <see cref="Kernel.Taxonomy.Sectors"/>, stored with each scenario.</param>
/// <param name="Name">Its name in both languages.</param>
/// <param name="Measures">The policy measures it answers ("gd-2024-ai-empowerment#26"); empty for sectors no measure names.</param>
/// <param name="Indicator">The policy-pack indicator that counts its scenarios, where one exists.</param>
internal sealed record Sector(string Key, LocalizedText Name, IReadOnlyList<string> Measures, string? Indicator = null);

/// <summary>
/// Which measures each sector answers: measures 19–38 of the 2024 Guangdong document, the Guangzhou 2026 work points
/// (elder care, intelligent manufacturing, future industries) and the AI-and-robotics measures ("robot +"). The keys
/// and names are the platform's one taxonomy; only the measure mapping is the Scenarios module's.
/// </summary>
internal static class ScenarioSectors
{
    private const string Gd = "gd-2024-ai-empowerment#";
    private const string Gz = "gz-2026-ai-work-points#";
    private const string Robotics = "gd-ai-robotics-measures#";

    /// <summary>The province-wide indicator every published scenario counts toward.</summary>
    public const string AllScenariosIndicator = "application_scenarios";

    private static readonly Dictionary<string, (string[] Measures, string? Indicator)> MeasuresByKey = new(StringComparer.Ordinal)
    {
        ["manufacturing"] = ([Gd + "19", Gz + "intelligent-manufacturing-scenarios"], "ai_manufacturing_scenarios"),
        ["construction"] = ([Gd + "20"], null),
        ["agriculture"] = ([Gd + "21"], null),
        ["transport"] = ([Gd + "22"], null),
        ["energy"] = ([Gd + "23"], null),
        ["education"] = ([Gd + "24"], null),
        ["medical"] = ([Gd + "25"], null),
        ["elder_care"] = ([Gd + "26", Gz + "elderly-care-scenarios", Robotics + "robot-plus-action"], "ai_elderly_care_scenarios"),
        ["fitness"] = ([Gd + "27"], null),
        ["housekeeping"] = ([Gd + "28"], null),
        ["government"] = ([Gd + "29"], null),
        ["smart_city"] = ([Gd + "30"], null),
        ["legal"] = ([Gd + "31"], null),
        ["security"] = ([Gd + "32"], null),
        ["environment"] = ([Gd + "33"], null),
        ["retail"] = ([Gd + "34"], null),
        ["finance"] = ([Gd + "35"], null),
        ["tourism"] = ([Gd + "36"], null),
        ["culture"] = ([Gd + "37"], null),
        ["research"] = ([Gd + "38"], null),
        ["future_industries"] = ([Gz + "future-industries-scenarios"], "ai_future_industries_scenarios"),
        ["robots"] = ([Robotics + "robot-plus-action", Robotics + "application-scenarios"], null),
    };

    public static IReadOnlyList<Sector> All { get; } = Kernel.Taxonomy.Sectors.All
        .Select(s => MeasuresByKey.TryGetValue(s.Key, out var m) ? new Sector(s.Key, s.Name, m.Measures, m.Indicator) : new Sector(s.Key, s.Name, []))
        .ToList();

    private static readonly Dictionary<string, Sector> ByKey = All.ToDictionary(s => s.Key, StringComparer.Ordinal);

    public static Sector? Find(string? key) => key is null ? null : ByKey.GetValueOrDefault(key);

    public static LocalizedText NameOf(string? key) => Find(key)?.Name ?? new LocalizedText("全部领域", "All sectors");
}
