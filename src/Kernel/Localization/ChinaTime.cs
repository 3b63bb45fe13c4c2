using System.Globalization;

namespace Funeng.Kernel.Localization;

/// <summary>Times as people in Guangdong read them: China Standard Time (UTC+8, no daylight saving), stored as UTC.</summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToChina(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary><c>2026-12-03 18:05</c>, in China Standard Time, for display (the page says the zone once).</summary>
    public static string Format(DateTimeOffset moment) => ToChina(moment).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
