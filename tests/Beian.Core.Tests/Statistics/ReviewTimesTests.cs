using Beian.Core.Calendar;
using Beian.Core.Statistics;

namespace Beian.Core.Tests.Statistics;

public class ReviewTimesTests
{
    private static readonly WorkingDayCalculator Calculator = WorkingDayCalculator.Default;

    private static DateOnly Date(string iso) => DateOnly.Parse(iso);

    // An ordinary week: Monday 2026-11-02 → Friday 11-06 is four working days; the weekend adds none.
    private static DecidedCount Decided(int workingDays, int count = 1) =>
        new(Date("2026-11-02"), Calculator.AddWorkingDays(Date("2026-11-02"), workingDays), count);

    [Theory]
    [InlineData("2026-11-02", "2026-11-02", 0)]  // decided on the day of submission
    [InlineData("2026-11-02", "2026-11-06", 4)]
    [InlineData("2026-11-06", "2026-11-09", 1)]  // Friday → Monday: the weekend does not count
    [InlineData("2026-09-30", "2026-10-09", 2)]  // 国庆节 10-01..07 does not count: 10-08 and 10-09
    [InlineData("2026-09-30", "2026-10-10", 3)]  // Saturday 10-10 is a 调休 working day
    [InlineData("2026-09-30", "2026-10-11", 3)]  // Sunday 10-11 is not
    [InlineData("2026-09-18", "2026-09-21", 2)]  // Sunday 09-20 (调休) counts, Saturday 09-19 does not
    public void One_decision_takes_the_working_days_after_submission_up_to_the_decision(string submitted, string decided, int expected)
    {
        var times = ReviewTimes.Of([new DecidedCount(Date(submitted), Date(decided), 1)], Calculator);

        Assert.Equal(1, times.Decided);
        Assert.Equal(expected, times.AverageWorkingDays);
        Assert.Equal(expected, times.Percentile95WorkingDays);
    }

    [Fact]
    public void The_average_weighs_every_decision()
    {
        // 3 decisions in 1 day, 1 in 5 days: (3 + 5) / 4 = 2.
        var times = ReviewTimes.Of([Decided(1, 3), Decided(5)], Calculator);

        Assert.Equal(4, times.Decided);
        Assert.Equal(2.0, times.AverageWorkingDays);
    }

    [Fact]
    public void The_95th_percentile_is_the_time_within_which_95_percent_were_decided()
    {
        // 19 of 20 within 2 days: 95% exactly, so the one slow decision does not count.
        Assert.Equal(2, ReviewTimes.Of([Decided(2, 19), Decided(15)], Calculator).Percentile95WorkingDays);
        // 18 of 20 within 2 days is only 90%: the 95th percentile is the slow one.
        Assert.Equal(15, ReviewTimes.Of([Decided(2, 18), Decided(15, 2)], Calculator).Percentile95WorkingDays);
    }

    [Fact]
    public void The_95th_percentile_of_one_to_a_hundred_days_is_95()
    {
        var decided = Enumerable.Range(1, 100).Select(days => Decided(days)).Reverse();

        var times = ReviewTimes.Of(decided, Calculator);

        Assert.Equal(95, times.Percentile95WorkingDays);
        Assert.Equal(50.5, times.AverageWorkingDays);
    }

    [Fact]
    public void Grouped_counts_give_the_same_result_as_single_decisions()
    {
        var grouped = ReviewTimes.Of([Decided(3, 4), Decided(7, 2)], Calculator);
        var single = ReviewTimes.Of([Decided(3), Decided(7), Decided(3), Decided(3), Decided(7), Decided(3)], Calculator);

        Assert.Equal(single, grouped);
    }

    [Fact]
    public void Without_decisions_there_is_no_time()
    {
        Assert.Equal(ReviewTimes.None, ReviewTimes.Of([], Calculator));
        Assert.Equal(ReviewTimes.None, ReviewTimes.Of([Decided(3, 0)], Calculator));
    }

    [Fact]
    public void A_calendar_of_its_own_is_used()
    {
        // A made-up holiday on Wednesday 2026-11-04 removes that day from the count.
        var calendar = new HolidayCalendar(new Dictionary<DateOnly, string> { [Date("2026-11-04")] = "测试假日" },
            new Dictionary<DateOnly, string>(), [2026]);

        var times = ReviewTimes.Of([new DecidedCount(Date("2026-11-02"), Date("2026-11-06"), 1)], new WorkingDayCalculator(calendar));

        Assert.Equal(3, times.AverageWorkingDays);
    }
}
