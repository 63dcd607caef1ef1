using Beian.Core.Time;
using Beian.Core.Calendar;

namespace Beian.Core.Tests.Calendar;

public class WorkingDayCalculatorTests
{
    private static readonly WorkingDayCalculator Calculator = WorkingDayCalculator.Default;

    private static DateOnly Date(string iso) => DateOnly.Parse(iso);

    // From Friday 2025-09-26: Sun 09-28 (调休) 1, 09-29 2, 09-30 3, 10-01..08 holiday,
    // 10-09 4, 10-10 5, Sat 10-11 (调休) 6, 10-13..17 7–11, 10-20..24 12–16, 10-27..31 17–21.
    [Fact]
    public void Twenty_one_working_days_across_National_Day_2025()
    {
        Assert.Equal(Date("2025-10-31"), Calculator.AddWorkingDays(Date("2025-09-26"), 21));
    }

    [Theory]
    [InlineData("2025-09-26", 1, "2025-09-28")]  // the Sunday 调休 counts
    [InlineData("2025-09-26", 3, "2025-09-30")]
    [InlineData("2025-09-26", 4, "2025-10-09")]  // skips the whole holiday
    [InlineData("2025-09-26", 6, "2025-10-11")]  // the Saturday 调休 counts
    [InlineData("2025-10-01", 1, "2025-10-09")]  // submitted during the holiday
    [InlineData("2025-10-13", 5, "2025-10-20")]  // an ordinary week
    [InlineData("2025-10-13", 0, "2025-10-13")]
    [InlineData("2026-02-13", 1, "2026-02-14")]  // Spring Festival 2026: Saturday 02-14 is 调休
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2024-12-31", 1, "2025-01-02")]  // across a year end
    public void Adds_working_days_counting_from_the_next_day(string start, int days, string expected)
    {
        Assert.Equal(Date(expected), Calculator.AddWorkingDays(Date(start), days));
    }

    [Fact]
    public void Rejects_negative_days()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.AddWorkingDays(Date("2025-01-01"), -1));
    }

    [Fact]
    public void Counts_working_days_between_two_dates()
    {
        Assert.Equal(21, Calculator.WorkingDaysBetween(Date("2025-09-26"), Date("2025-10-31")));
        Assert.Equal(3, Calculator.WorkingDaysBetween(Date("2025-09-26"), Date("2025-10-08")));
        Assert.Equal(0, Calculator.WorkingDaysBetween(Date("2025-10-01"), Date("2025-10-08")));
        Assert.Equal(0, Calculator.WorkingDaysBetween(Date("2025-10-13"), Date("2025-10-13")));
        Assert.Equal(-21, Calculator.WorkingDaysBetween(Date("2025-10-31"), Date("2025-09-26")));
    }

    [Fact]
    public void Between_is_the_inverse_of_add()
    {
        var start = Date("2024-01-01");
        for (var days = 0; days <= 400; days += 7)
        {
            Assert.Equal(days, Calculator.WorkingDaysBetween(start, Calculator.AddWorkingDays(start, days)));
        }
    }

    [Fact]
    public void A_UTC_instant_counts_from_its_Beijing_date()
    {
        // 2025-09-25 16:30 UTC is 2025-09-26 00:30 in Beijing.
        var lateThursdayUtc = new DateTimeOffset(2025, 9, 25, 16, 30, 0, TimeSpan.Zero);
        Assert.Equal(Date("2025-10-31"), Calculator.AddWorkingDays(lateThursdayUtc, 21));

        // 2025-09-25 15:59 UTC is still Thursday 23:59 in Beijing: one working day earlier.
        var thursdayUtc = new DateTimeOffset(2025, 9, 25, 15, 59, 0, TimeSpan.Zero);
        Assert.Equal(Date("2025-10-30"), Calculator.AddWorkingDays(thursdayUtc, 21));
    }

    [Fact]
    public void Counts_between_UTC_instants_on_Beijing_dates()
    {
        var from = new DateTimeOffset(2025, 9, 25, 16, 30, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2025, 10, 31, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(21, Calculator.WorkingDaysBetween(from, to));
    }

    [Fact]
    public void Beijing_date_ignores_the_offset_the_instant_was_given_in()
    {
        var instant = new DateTimeOffset(2025, 9, 25, 20, 0, 0, TimeSpan.FromHours(-5)); // 2025-09-26 01:00 UTC
        Assert.Equal(Date("2025-09-26"), BeijingTime.DateOf(instant));
    }
}

public class WorkingDayPositionTests
{
    private static readonly WorkingDayCalculator Calculator = WorkingDayCalculator.Default;

    [Fact]
    public void The_working_days_between_two_days_are_the_difference_of_their_positions_across_国庆节_and_调休()
    {
        // 2026-09-20 (a Sunday worked for 国庆节) to 2026-10-20, the holiday week 10-01..07 and 调休 10-10 inside.
        var positions = Calculator.Positions(new DateOnly(2026, 9, 15), new DateOnly(2026, 10, 20)).ToDictionary(p => p.Day, p => p.Position);

        foreach (var (from, fromPosition) in positions)
            foreach (var (to, toPosition) in positions)
                Assert.Equal(Calculator.WorkingDaysBetween(from, to), toPosition - fromPosition);
        Assert.Equal(positions[new DateOnly(2026, 9, 30)], positions[new DateOnly(2026, 10, 7)]);
        Assert.Equal(positions[new DateOnly(2026, 10, 9)] + 1, positions[new DateOnly(2026, 10, 10)]);
    }

    [Fact]
    public void Positions_are_counted_from_one_day_so_any_stretch_of_them_agrees()
    {
        var early = Calculator.Positions(new DateOnly(1999, 12, 1), new DateOnly(2026, 12, 31)).ToDictionary(p => p.Day, p => p.Position);
        var late = Calculator.Positions(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)).ToList();

        Assert.All(late, p => Assert.Equal(early[p.Day], p.Position));
        Assert.Equal(0, early[WorkingDayCalculator.PositionEpoch]);
        Assert.True(early[new DateOnly(1999, 12, 1)] < 0);
    }
}
