using Beian.Core.Calendar;
using Beian.Core.Time;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.Police;

namespace Beian.Web.Tests.Police;

/// <summary>The cut-off the database filters on agrees with the due date the queue shows, on every day.</summary>
public sealed class ReviewDeadlinesTests
{
    private static readonly WorkingDayCalculator Calculator = WorkingDayCalculator.Default;
    // Due dates need no database: the calendar the platform starts with (the shipped years).
    private static readonly ReviewDeadlines Deadlines = new(null!, new HolidayCalendars(), TimeProvider.System);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(21)]
    public void An_application_is_overdue_exactly_when_submitted_before_the_cutoff(int limit)
    {
        // Every pair of days around 国庆节 2026 (09-20 and 10-10 are 调休) and the following weeks.
        var first = new DateOnly(2026, 9, 1);
        for (var today = first; today <= new DateOnly(2026, 12, 15); today = today.AddDays(1))
        {
            var cutoff = ReviewDeadlines.FirstDayNotOverdue(limit, today, Calculator);
            for (var submitted = first.AddDays(-60); submitted <= today; submitted = submitted.AddDays(1))
            {
                var submittedUtc = BeijingTime.StartOfDayUtc(submitted).AddHours(15); // 23:00 Beijing: still that day
                var overdue = today > Deadlines.Due(submittedUtc, limit).On;
                Assert.True(overdue == submitted < cutoff, $"limit {limit}, submitted {submitted}, today {today}, cutoff {cutoff}");
            }
        }
    }

    [Fact]
    public void Seven_working_days_from_the_eve_of_National_Day()
    {
        // 09-30 + 7 working days: 10-08, 10-09, 10-10 (调休), 10-12 … 10-15 → due 10-15, overdue from 10-16.
        Assert.Equal(new DateOnly(2026, 10, 15), Deadlines.Due(BeijingTime.StartOfDayUtc(new DateOnly(2026, 9, 30)), 7).On);
        Assert.Equal(new DateOnly(2026, 9, 30), ReviewDeadlines.FirstDayNotOverdue(7, new DateOnly(2026, 10, 15), Calculator));
        // Submissions during the holiday (10-01 … 10-07) are due on 10-15 as well, so on 10-16 the first one not overdue is of 10-08.
        Assert.Equal(new DateOnly(2026, 10, 8), ReviewDeadlines.FirstDayNotOverdue(7, new DateOnly(2026, 10, 16), Calculator));
    }
}
