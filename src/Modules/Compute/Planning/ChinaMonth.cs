using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Planning;

/// <summary>
/// A calendar month in China Standard Time, written <c>yyyy-MM</c>: the months the usage report and capacity planning
/// count in. An instant belongs to the month it falls in there, so 31 May 20:00 UTC is June.
/// </summary>
internal readonly record struct ChinaMonth(int Year, int Month) : IComparable<ChinaMonth>
{
    /// <summary>The first instant of the month (00:00 on the 1st in China).</summary>
    public DateTimeOffset Start => ChinaTime.FromChina(FirstDay);

    /// <summary>The first instant of the next month: the month is <see cref="Start"/> up to, not including, this.</summary>
    public DateTimeOffset End => Next.Start;

    /// <summary>The month after this one.</summary>
    public ChinaMonth Next => Month == 12 ? new ChinaMonth(Year + 1, 1) : new ChinaMonth(Year, Month + 1);

    /// <summary>Hours in the month; China has no daylight saving, so every day has 24.</summary>
    public double Hours => DateTime.DaysInMonth(Year, Month) * 24d;

    /// <summary>Midnight on the 1st, on China's wall clock.</summary>
    public DateTime FirstDay => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The month (in China) that <paramref name="instant"/> falls in.</summary>
    public static ChinaMonth Of(DateTimeOffset instant)
    {
        var day = ChinaTime.DateOf(instant);
        return new ChinaMonth(day.Year, day.Month);
    }

    /// <summary>Reads <c>yyyy-MM</c>; anything else is refused naming <paramref name="field"/>.</summary>
    public static ChinaMonth Parse(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? new ChinaMonth(first.Year, first.Month)
            : throw new InvalidInputException([FieldProblem.Of(field, "compute.problem.month", text)]);
    }

    /// <summary>A month filter as typed (query string, form field): blank means no month, anything else as <see cref="Parse"/>.</summary>
    public static ChinaMonth? ParseOptional(string? text, string field) => string.IsNullOrWhiteSpace(text) ? null : Parse(text, field);

    /// <summary>Earlier months first.</summary>
    public int CompareTo(ChinaMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    /// <summary><c>yyyy-MM</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
