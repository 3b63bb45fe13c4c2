using Funeng.Kernel.Localization;
using Microsoft.Extensions.Time.Testing;

namespace Funeng.Kernel.Tests.Localization;

public sealed class ChinaTimeTests
{
    [Fact]
    public void A_deadline_entered_as_17_00_in_China_is_stored_as_09_00_UTC()
    {
        var stored = ChinaTime.FromChina(new DateTime(2027, 1, 10, 17, 0, 0));
        Assert.Equal(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero), stored);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
    }

    [Fact]
    public void A_stored_instant_is_shown_and_edited_in_China_time()
    {
        var instant = new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal("2027-01-10 17:00", ChinaTime.Format(instant));
        Assert.Equal("2027-01-10T17:00", ChinaTime.ToInputValue(instant));
    }

    [Fact]
    public void Just_before_midnight_UTC_is_already_the_next_day_in_China() =>
        Assert.Equal("2027-01-11 07:30", ChinaTime.Format(new DateTimeOffset(2027, 1, 10, 23, 30, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2026-12-31T15:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    [InlineData("2027-01-01T07:59:00Z", "2027-01-01")]
    public void Today_is_Chinas_date_which_turns_at_16_00_UTC(string utc, string china)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(china, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.Today(clock));
    }
}
