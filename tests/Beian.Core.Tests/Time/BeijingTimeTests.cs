using Beian.Core.Time;

namespace Beian.Core.Tests.Time;

public class BeijingTimeTests
{
    [Fact]
    public void Beijing_is_eight_hours_ahead_of_utc()
    {
        Assert.Equal(TimeSpan.FromHours(8), BeijingTime.Offset);
    }

    [Fact]
    public void Four_pm_utc_on_new_years_eve_is_midnight_on_new_years_day_in_beijing()
    {
        var utc = new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0), BeijingTime.FromUtc(utc));
        Assert.Equal(new DateOnly(2026, 1, 1), BeijingTime.DateOf(utc));
        Assert.Equal("2026-01-01 00:00", BeijingTime.Format(utc));
    }

    [Fact]
    public void The_beijing_wall_clock_time_is_not_labelled_as_utc()
    {
        // A Beijing wall-clock value marked Kind=Utc would be serialised with a trailing "Z" and be
        // read back eight hours off.
        var beijing = BeijingTime.FromUtc(new DateTime(2026, 5, 1, 2, 0, 0, DateTimeKind.Utc));
        Assert.NotEqual(DateTimeKind.Utc, beijing.Kind);
        Assert.Equal("2026-05-01T10:00:00.0000000", beijing.ToString("o"));
    }

    [Fact]
    public void An_unspecified_kind_input_is_treated_as_utc()
    {
        var unspecified = new DateTime(2026, 5, 1, 2, 0, 0, DateTimeKind.Unspecified);
        Assert.Equal(new DateTime(2026, 5, 1, 10, 0, 0), BeijingTime.FromUtc(unspecified));
    }

    [Theory]
    [InlineData("2025-12-31T15:59:59", "2025-12-31")]
    [InlineData("2025-12-31T16:00:00", "2026-01-01")]
    [InlineData("2026-01-01T00:00:00", "2026-01-01")]
    [InlineData("2026-01-01T15:59:59", "2026-01-01")]
    [InlineData("2026-02-28T16:00:00", "2026-03-01")]
    [InlineData("2028-02-28T16:00:00", "2028-02-29")]  // leap year
    public void DateOf_gives_the_beijing_calendar_day(string utc, string expected)
    {
        var instant = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BeijingTime.DateOf(instant));
    }

    [Fact]
    public void A_beijing_day_starts_at_four_pm_utc_the_day_before()
    {
        var start = BeijingTime.StartOfDayUtc(new DateOnly(2026, 1, 1));
        Assert.Equal(new DateTime(2025, 12, 31, 16, 0, 0), start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
    }

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 3, 1)]
    [InlineData(2028, 2, 29)]
    [InlineData(2026, 12, 31)]
    public void StartOfDayUtc_round_trips_through_DateOf(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var start = BeijingTime.StartOfDayUtc(date);
        Assert.Equal(date, BeijingTime.DateOf(start));
        Assert.Equal(date.AddDays(-1), BeijingTime.DateOf(start.AddTicks(-1)));
        Assert.Equal(TimeSpan.FromDays(1), BeijingTime.StartOfDayUtc(date.AddDays(1)) - start);
    }

    [Theory]
    [InlineData("2026-03-02T01:05:00", "2026-03-02 09:05")]
    [InlineData("2026-03-02T15:59:59", "2026-03-02 23:59")]  // seconds are dropped, not rounded
    [InlineData("2026-03-02T16:00:00", "2026-03-03 00:00")]
    public void Format_shows_beijing_time_to_the_minute(string utc, string expected)
    {
        var instant = DateTime.SpecifyKind(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(expected, BeijingTime.Format(instant));
        Assert.Equal(expected, BeijingTime.Format((DateTime?)instant));
    }

    [Fact]
    public void Format_of_no_time_is_empty()
    {
        Assert.Equal(string.Empty, BeijingTime.Format((DateTime?)null));
    }

    [Fact]
    public void Format_uses_the_invariant_digits_and_separators_whatever_the_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.Equal("2026-01-01 00:00", BeijingTime.Format(new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
