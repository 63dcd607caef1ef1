using Beian.Core.Calendar;
using Beian.Web.Data;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Calendar;

/// <summary>
/// The calendar every deadline on this node is reckoned with: the shipped years and, over them, the
/// years administrators entered. Loaded at start, again after a save on this node, and by
/// <see cref="HolidayCalendarRefresh"/> so that a year entered on another node arrives within its interval.
/// </summary>
public sealed class HolidayCalendars
{
    private volatile WorkingDayCalculator _current = WorkingDayCalculator.Default;

    public WorkingDayCalculator Current => _current;

    public HolidayCalendar Calendar => _current.Calendar;

    public async Task ReloadAsync(BeianDbContext db, CancellationToken cancellationToken = default)
    {
        var entered = await db.Set<HolidayYearEntry>().AsNoTracking().ToListAsync(cancellationToken);
        _current = new WorkingDayCalculator(new HolidayCalendar([.. HolidayCalendar.Shipped, .. entered.Select(e => e.ToSchedule())]));
    }
}

/// <summary>Reloads the calendar every <c>Calendar:RefreshSeconds</c> (60) on every node.</summary>
public sealed class HolidayCalendarRefresh(IServiceScopeFactory scopes, HolidayCalendars calendars, IConfiguration configuration,
    ILogger<HolidayCalendarRefresh> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Calendar:RefreshSeconds", 60.0));
    protected override string FailureMessage => "Reloading the holiday calendar failed; deadlines keep the last one";
    protected override LogLevel FailureLevel => LogLevel.Warning;

    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await calendars.ReloadAsync(scope.ServiceProvider.GetRequiredService<BeianDbContext>(), cancellationToken);
    }
}
