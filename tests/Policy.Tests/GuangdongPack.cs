using Funeng.TestSupport;

namespace Funeng.Policy.Tests;

/// <summary>The shipped Guangdong pack, and writable copies of it for tests that break it on purpose.</summary>
internal static class GuangdongPack
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "policies", "guangdong");

    /// <summary>A writable copy of the pack with one file's text changed.</summary>
    public static string CopyWith(string file, Func<string, string> edit) => PackFiles.CopyWith(Directory, file, edit);

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in a pack file.</summary>
    public static int LineOf(string packDirectory, string file, string text) => PackFiles.LineOf(packDirectory, file, text);

    /// <summary>
    /// Every figure the foundation issue names, with the year and measure it must carry:
    /// (indicator, year or null for quotas and caps, value, document, measure).
    /// </summary>
    public static readonly (string Indicator, int? Year, decimal Value, string Document, string Measure)[] RequiredTargets =
    [
        ("compute_capacity", 2025, 40m, "gd-2024-ai-empowerment", "objectives"),
        ("compute_capacity", 2027, 60m, "gd-2024-ai-empowerment", "objectives"),
        ("core_ai_industry_revenue", 2025, 300_000_000_000m, "gd-2024-ai-empowerment", "objectives"),
        ("core_ai_industry_revenue", 2027, 440_000_000_000m, "gd-2024-ai-empowerment", "objectives"),
        ("smart_terminal_products", 2027, 100m, "gd-2024-ai-empowerment", "objectives"),
        ("application_scenarios", 2027, 500m, "gd-2024-ai-empowerment", "objectives"),
        ("industry_datasets", 2027, 50m, "gd-2024-ai-empowerment", "5"),
        ("algorithm_products", 2027, 100m, "gd-2024-ai-empowerment", "6"),
        ("intelligent_software_revenue", 2027, 27_000_000_000m, "gd-2024-ai-empowerment", "3"),
        ("autonomous_ai_software_coverage", 2027, 50m, "gd-2024-ai-empowerment", "4"),
        ("smart_robot_revenue", 2027, 90_000_000_000m, "gd-2024-ai-empowerment", "11"),
        ("high_end_equipment_revenue", 2027, 380_000_000_000m, "gd-2024-ai-empowerment", "12"),
        ("nev_annual_output", 2027, 3_500_000m, "gd-2024-ai-empowerment", "13"),
        ("ai_phone_output", 2027, 100_000_000m, "gd-2024-ai-empowerment", "14"),
        ("ai_computer_output", 2027, 30_000_000m, "gd-2024-ai-empowerment", "15"),
        ("care_rehab_new_products", 2027, 1_500m, "gd-2024-ai-empowerment", "16"),
        ("smart_appliance_cluster_revenue", 2027, 1_900_000_000_000m, "gd-2024-ai-empowerment", "17"),
        ("vr_terminals_and_applications", 2027, 3_000m, "gd-2024-ai-empowerment", "18"),
        ("national_green_factories", 2027, 700m, "gd-2024-ai-empowerment", "19"),
        ("high_end_sensor_industry_scale", 2027, 2m, "gd-2024-ai-empowerment", "2"),
        ("ai_elderly_care_scenarios", 2026, 20m, "gz-2026-ai-work-points", null!),
        ("ai_manufacturing_scenarios", 2026, 70m, "gz-2026-ai-work-points", null!),
        ("ai_future_industries_scenarios", 2026, 20m, "gz-2026-ai-work-points", null!),
        ("ai_models", 2026, 100m, "gz-2026-ai-work-points", null!),
        ("major_project_provincial_support", null, 100_000_000m, "gd-ai-robotics-measures", null!),
        ("single_champion_reward", null, 3_000_000m, "gd-ai-robotics-measures", null!),
        ("benchmark_cases", null, 10m, "gd-ai-robotics-measures", null!),
        ("benchmark_case_reward", null, 8_000_000m, "gd-ai-robotics-measures", null!),
    ];
}
