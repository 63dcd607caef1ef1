using Beian.Core.Calendar;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.PoliceUnits;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Calendar;

/// <summary>Something that stored a date reckoned in working days and reckons it again when a year's schedule arrives.</summary>
public interface IStoredDueDates
{
    /// <summary>Reckons the stored dates that reach <paramref name="year"/> with <paramref name="calculator"/>, in the caller's save.</summary>
    Task RecomputeAsync(WorkingDayCalculator calculator, int year, CancellationToken cancellationToken);
}

/// <summary>A year on 节假日安排: shipped with the platform or entered, with its counts.</summary>
public sealed record HolidayYearRow(int Year, int Holidays, int AdjustedWorkdays, string Source, DateTime? UpdatedAt);

/// <summary>
/// 节假日安排: the years the calendar knows, the years it misses that deadlines already reach, and an
/// administrator's entry of a year (audited by <see cref="Audit.StateChangeAuditor"/>), after which
/// the stored due dates are reckoned again and every deadline on this node uses the new calendar.
/// </summary>
public sealed class HolidayYears(BeianDbContext db, HolidayCalendars calendars, IEnumerable<IStoredDueDates> storedDueDates, TimeProvider clock)
{
    public const string ShippedSource = "随版本发布";

    /// <summary>How far ahead a deadline set today may reach: the longest review limit or 安全评估 period.</summary>
    public const int HorizonWorkingDays = 60;

    public DateOnly Today => BeijingTime.DateOf(clock.GetUtcNow());

    public async Task<IReadOnlyList<HolidayYearRow>> ListAsync(CancellationToken cancellationToken)
    {
        var entered = await db.Set<HolidayYearEntry>().AsNoTracking().ToListAsync(cancellationToken);
        var rows = HolidayCalendar.Shipped
            .Where(shipped => entered.All(e => e.Year != shipped.Year))
            .Select(y => new HolidayYearRow(y.Year, y.Holidays.Count, y.AdjustedWorkdays.Count, ShippedSource, null))
            .Concat(entered.Select(e => (Entry: e, Schedule: e.ToSchedule())).Select(e => new HolidayYearRow(e.Entry.Year,
                e.Schedule.Holidays.Count, e.Schedule.AdjustedWorkdays.Count, SourceLabel(e.Entry.Source), e.Entry.UpdatedAt)));
        return rows.OrderByDescending(r => r.Year).ToList();
    }

    /// <summary>The schedule of <paramref name="year"/> as the calendar knows it (entered or shipped), and the entry's version; null when unknown.</summary>
    public async Task<(HolidayYear Schedule, int? Version)?> FindAsync(int year, CancellationToken cancellationToken)
    {
        var entry = await db.Set<HolidayYearEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, cancellationToken);
        if (entry != null) return (entry.ToSchedule(), entry.Version);
        return HolidayCalendar.Shipped.FirstOrDefault(y => y.Year == year) is { } shipped ? (shipped, null) : null;
    }

    /// <summary>The years without a schedule that a deadline set today, up to the longest period, reaches.</summary>
    public IReadOnlyList<int> MissingYears() => MissingYears(Today, HorizonWorkingDays);

    /// <summary>The years without a schedule from <paramref name="today"/> to <paramref name="workingDays"/> working days later.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly today, int workingDays)
    {
        var until = calendars.Current.AddWorkingDays(today, workingDays);
        return Enumerable.Range(today.Year, until.Year - today.Year + 1).Where(year => !calendars.Calendar.Covers(new DateOnly(year, 1, 1))).ToList();
    }

    /// <summary>
    /// Saves the year's schedule unless another administrator saved it since <paramref name="version"/>
    /// was read (false then); the stored due dates reaching the year are reckoned again in the same save.
    /// </summary>
    public async Task<bool> SaveAsync(HolidayYear schedule, HolidayYearSource source, string userId, int? version, CancellationToken cancellationToken)
    {
        var entry = await db.Set<HolidayYearEntry>().FirstOrDefaultAsync(e => e.Year == schedule.Year, cancellationToken);
        if (entry == null)
        {
            if (version != null) return false;
            entry = HolidayYearEntry.For(schedule.Year);
            db.Add(entry);
        }
        else
        {
            if (version == null) return false;
            db.Entry(entry).Property(e => e.Version).OriginalValue = version.Value;
        }
        entry.Set(schedule, source, userId, clock.GetUtcNow().UtcDateTime);
        var calculator = new WorkingDayCalculator(new HolidayCalendar([.. calendars.Calendar.Years, schedule]));
        foreach (var stored in storedDueDates) await stored.RecomputeAsync(calculator, schedule.Year, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false;
        }
        await calendars.ReloadAsync(db, cancellationToken);
        return true;
    }

    public static string SourceLabel(HolidayYearSource source) => source == HolidayYearSource.Imported ? "文件导入" : "管理员录入";
}
