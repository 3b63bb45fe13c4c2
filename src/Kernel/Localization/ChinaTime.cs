using System.Globalization;

namespace Funeng.Kernel.Localization;

/// <summary>
/// China Standard Time (Asia/Shanghai, UTC+8, no daylight saving): people enter and read times in it; the database
/// stores UTC. Every page converts through here so no page shows UTC by accident.
/// </summary>
public static class ChinaTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The wall-clock time in China of an instant.</summary>
    public static DateTime ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>
    /// The calendar date in China of an instant: policy dates (effective from, deadlines, voucher validity) are China's
    /// days, and from 00:00 to 08:00 there the UTC date is still yesterday.
    /// </summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant));

    /// <summary>Today's date in China by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>An instant as people in China read it, e.g. <c>2027-01-10 17:00</c>.</summary>
    public static string Format(DateTimeOffset instant) => ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant in ISO 8601 at China's offset, e.g. <c>2027-01-10T17:00:00+08:00</c>: for exports people open.</summary>
    public static string ToIso(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The value of an <c>&lt;input type="datetime-local"&gt;</c> showing the instant in China time.</summary>
    public static string ToInputValue(DateTimeOffset instant) => ToChina(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant of a wall-clock time in China (what a datetime-local input sends).</summary>
    public static DateTimeOffset FromChina(DateTime wallClock) =>
        new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Zone.GetUtcOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified))).ToUniversalTime();
}
