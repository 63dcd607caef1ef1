using Beian.Core.Calendar;

namespace Beian.Core.Tests.Calendar;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.Default;

    private static DateOnly Date(string iso) => DateOnly.Parse(iso);

    [Fact]
    public void Covers_every_year_of_its_reference_package_from_2004_to_2026()
    {
        Assert.Equal(Enumerable.Range(2004, 23), Calendar.CoveredYears);
        Assert.Equal("国庆节", Calendar.HolidayName(Date("2008-10-01")));
    }

    [Fact]
    public void A_year_it_does_not_cover_is_named_and_dates_there_are_estimates()
    {
        Assert.Equal(2027, Calendar.FirstUncoveredYear(Date("2026-12-20"), Date("2027-01-10")));
        Assert.Null(Calendar.FirstUncoveredYear(Date("2026-01-01"), Date("2026-12-31")));

        var due = WorkingDayCalculator.Default.Due(Date("2026-12-07"), 20);
        Assert.Equal(Date("2027-01-04"), due.On);
        Assert.True(due.IsEstimated);
        Assert.Equal("2027-01-04（预计）", due.ToString());
        Assert.Contains("2027年法定节假日和调休安排尚未录入", due.EstimateReason);
        Assert.False(WorkingDayCalculator.Default.Due(Date("2026-11-02"), 20).IsEstimated);
    }

    [Fact]
    public void A_year_entered_later_wins_over_the_shipped_one_and_moves_the_due_date()
    {
        var newYear = new HolidayYear(2027, new Dictionary<DateOnly, string> { [Date("2027-01-01")] = "元旦" }, new Dictionary<DateOnly, string>());
        var calendar = new HolidayCalendar([.. HolidayCalendar.Shipped, newYear]);

        var due = new WorkingDayCalculator(calendar).Due(Date("2026-12-07"), 20);

        Assert.Equal(Date("2027-01-05"), due.On);
        Assert.False(due.IsEstimated);
        Assert.Contains(2027, calendar.CoveredYears);
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

public class HolidayCalendarSignatureTests
{
    private static HolidayCalendar With(params (string Day, bool Worked)[] days) => new(
        days.Where(d => !d.Worked).ToDictionary(d => DateOnly.Parse(d.Day), _ => "假日"),
        days.Where(d => d.Worked).ToDictionary(d => DateOnly.Parse(d.Day), _ => "调休"), [2026]);

    [Fact]
    public void Calendars_that_count_the_same_working_days_sign_alike_and_others_not()
    {
        var calendar = With(("2026-11-04", false), ("2026-11-07", true));

        Assert.Equal(calendar.Signature, With(("2026-11-07", true), ("2026-11-04", false)).Signature);
        Assert.Equal(calendar.Signature, With(("2026-11-04", false), ("2026-11-07", true), ("2026-11-08", false)).Signature); // a Sunday off is no change
        Assert.NotEqual(calendar.Signature, With(("2026-11-04", false)).Signature);
        Assert.NotEqual(calendar.Signature, With(("2026-11-05", false), ("2026-11-07", true)).Signature);
    }
}
