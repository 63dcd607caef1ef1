using Beian.Core.Calendar;

namespace Beian.Core.Tests.Calendar;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Default;

    private static DateOnly Date(string iso) => DateOnly.Parse(iso);

    [Fact]
    public void Covers_2024_to_2026()
    {
        Assert.Equal([2024, 2025, 2026], Calendar.CoveredYears);
    }

    [Fact]
    public void National_Day_2025_is_a_holiday()
    {
        Assert.True(Calendar.IsHoliday(Date("2025-10-01")));
        Assert.Equal("国庆节", Calendar.HolidayName(Date("2025-10-01")));
        Assert.False(Calendar.IsWorkingDay(Date("2025-10-08")));
        Assert.True(Calendar.IsWorkingDay(Date("2025-10-09")));
    }

    [Theory]
    [InlineData("2025-09-28")]
    [InlineData("2025-10-11")]
    [InlineData("2024-02-04")]
    [InlineData("2026-01-04")]
    public void Adjusted_weekend_workdays_are_working_days(string iso)
    {
        var date = Date(iso);
        Assert.True(date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.True(Calendar.IsAdjustedWorkday(date));
        Assert.True(Calendar.IsWorkingDay(date));
    }

    [Fact]
    public void Spring_Festival_2026_runs_from_15_to_23_February()
    {
        for (var day = Date("2026-02-15"); day <= Date("2026-02-23"); day = day.AddDays(1))
        {
            Assert.Equal("春节", Calendar.HolidayName(day));
            Assert.False(Calendar.IsWorkingDay(day));
        }
        Assert.True(Calendar.IsAdjustedWorkday(Date("2026-02-14")));
        Assert.True(Calendar.IsAdjustedWorkday(Date("2026-02-28")));
        Assert.True(Calendar.IsWorkingDay(Date("2026-02-24")));
    }

    [Theory]
    [InlineData("2025-10-13", true)]   // Monday
    [InlineData("2025-10-12", false)]  // Sunday
    [InlineData("2025-10-18", false)]  // Saturday
    public void Ordinary_days_follow_the_week(string iso, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(Date(iso)));
    }

    [Fact]
    public void Outside_the_covered_years_weekdays_are_working_days()
    {
        Assert.False(Calendar.Covers(Date("2030-10-01")));
        Assert.True(Calendar.IsWorkingDay(Date("2030-10-01")));   // Tuesday, no schedule known
        Assert.False(Calendar.IsWorkingDay(Date("2030-10-05")));  // Saturday
    }
}
