namespace Funeng.Compute.Scheduling;

/// <summary>
/// The first level of placement: Guangdong's four economic regions (the Pearl River Delta and the East, West and
/// North wings). The scheduler looks in the data city's region before it looks further.
/// </summary>
internal static class GuangdongRegions
{
    public const string PearlRiverDelta = "pearl-river-delta";

    private static readonly Dictionary<string, string> ByCity = new(StringComparer.Ordinal)
    {
        ["guangzhou"] = PearlRiverDelta, ["shenzhen"] = PearlRiverDelta, ["zhuhai"] = PearlRiverDelta,
        ["foshan"] = PearlRiverDelta, ["huizhou"] = PearlRiverDelta, ["dongguan"] = PearlRiverDelta,
        ["zhongshan"] = PearlRiverDelta, ["jiangmen"] = PearlRiverDelta, ["zhaoqing"] = PearlRiverDelta,
        ["shantou"] = "east", ["shanwei"] = "east", ["chaozhou"] = "east", ["jieyang"] = "east",
        ["zhanjiang"] = "west", ["maoming"] = "west", ["yangjiang"] = "west",
        ["shaoguan"] = "north", ["heyuan"] = "north", ["meizhou"] = "north", ["qingyuan"] = "north", ["yunfu"] = "north",
    };

    public static string Of(string city) => ByCity.GetValueOrDefault(city, "other");
}
