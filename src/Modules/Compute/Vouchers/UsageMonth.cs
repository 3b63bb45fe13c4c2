using System.Globalization;
using Funeng.Kernel.Localization;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Vouchers;

/// <summary>
/// A calendar month in China Standard Time, as the usage report groups and filters by it: a placement belongs to the
/// month its planned start falls in there, so 31 May 20:00 UTC is June.
/// </summary>
internal readonly record struct UsageMonth(int Year, int Month)
{
    /// <summary>The first instant of the month (00:00 on the 1st in China).</summary>
    public DateTimeOffset Start => ChinaTime.FromChina(new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified));

    /// <summary>The first instant of the next month: the month is <see cref="Start"/> up to, not including, this.</summary>
    public DateTimeOffset End => ChinaTime.FromChina(new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1));

    /// <summary>The month (in China) that <paramref name="instant"/> falls in.</summary>
    public static UsageMonth Of(DateTimeOffset instant)
    {
        var day = ChinaTime.DateOf(instant);
        return new UsageMonth(day.Year, day.Month);
    }

    /// <summary>Reads <c>yyyy-MM</c>; anything else is refused naming <paramref name="field"/>.</summary>
    public static UsageMonth Parse(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? new UsageMonth(first.Year, first.Month)
            : throw new InvalidInputException([FieldProblem.Of(field, "compute.problem.month", text)]);
    }

    /// <summary><c>yyyy-MM</c>, as the report's rows and the query string write it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
