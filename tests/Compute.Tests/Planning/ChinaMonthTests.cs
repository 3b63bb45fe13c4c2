using Funeng.Compute.Planning;
using Funeng.Kernel.Web;

namespace Funeng.Compute.Tests.Planning;

public sealed class ChinaMonthTests
{
    [Fact]
    public void A_placement_belongs_to_the_month_its_start_falls_in_in_China() =>
        Assert.Equal(new ChinaMonth(2026, 6), ChinaMonth.Of(new DateTimeOffset(2026, 5, 31, 20, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_month_runs_from_midnight_on_the_first_in_China_to_midnight_on_the_next_first()
    {
        var june = new ChinaMonth(2026, 6);

        Assert.Equal((new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero)),
            (june.Start.ToUniversalTime(), june.End.ToUniversalTime()));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), new ChinaMonth(2026, 12).End);
    }

    [Theory]
    [InlineData("2026-06", 2026, 6)]
    [InlineData(" 2026-12 ", 2026, 12)]
    public void A_month_is_read_as_year_dash_month(string text, int year, int month) =>
        Assert.Equal((new ChinaMonth(year, month), $"{year:0000}-{month:00}"), (ChinaMonth.Parse(text, "month"), ChinaMonth.Parse(text, "month").ToString()));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-6")]
    [InlineData("June")]
    [InlineData("")]
    public void Anything_else_is_refused_naming_the_field(string text)
    {
        var refused = Assert.Throws<InvalidInputException>(() => ChinaMonth.Parse(text, "month"));

        Assert.Equal(["month"], refused.Problems.Select(p => p.Field));
    }
}
