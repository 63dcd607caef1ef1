using Beian.Core.Time;
namespace Beian.Core.Calendar;

/// <summary>
/// Counts working days for review deadlines: a limit of N working days from a submission
/// on day D ends on the N-th working day after D (D itself does not count).
/// </summary>
public sealed class WorkingDayCalculator(HolidayCalendar calendar)
{
    private static readonly Lazy<WorkingDayCalculator> LazyDefault = new(() => new WorkingDayCalculator(HolidayCalendar.Default));

    public static WorkingDayCalculator Default => LazyDefault.Value;

    public HolidayCalendar Calendar { get; } = calendar;

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/>; <paramref name="start"/> itself when days is 0.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (Calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }
        return date;
    }

    /// <summary>As <see cref="AddWorkingDays(DateOnly,int)"/>, saying whether the days counted lie in years the calendar knows.</summary>
    public DueDate Due(DateOnly start, int days)
    {
        var on = AddWorkingDays(start, days);
        return new DueDate(on, on > start ? Calendar.FirstUncoveredYear(start.AddDays(1), on) : null);
    }

    /// <summary>A date reckoned earlier from <paramref name="start"/> (a stored due date), as this calendar knows it today.</summary>
    public DueDate Known(DateOnly start, DateOnly on) =>
        new(on, on > start ? Calendar.FirstUncoveredYear(start.AddDays(1), on) : null);

    /// <summary>As <see cref="AddWorkingDays(DateOnly,int)"/>, counting from the Beijing date of a UTC instant.</summary>
    public DateOnly AddWorkingDays(DateTimeOffset start, int days) =>
        AddWorkingDays(BeijingTime.DateOf(start), days);

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>]: the day after
    /// <paramref name="from"/> up to and including <paramref name="to"/>. Negative when
    /// <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (Calendar.IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The day from which <see cref="Positions"/> counts.</summary>
    public static readonly DateOnly PositionEpoch = new(2000, 1, 1);

    /// <summary>
    /// Each day's position in the working-day calendar, <paramref name="first"/> to <paramref name="last"/>: the working
    /// days from <see cref="PositionEpoch"/> up to it (negative before), so that <see cref="WorkingDaysBetween(DateOnly,DateOnly)"/>
    /// of two days is the later one's position less the earlier one's.
    /// </summary>
    public IEnumerable<(DateOnly Day, int Position)> Positions(DateOnly first, DateOnly last)
    {
        var position = WorkingDaysBetween(PositionEpoch, first);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day > first && Calendar.IsWorkingDay(day)) position++;
            yield return (day, position);
        }
    }

    /// <summary>As <see cref="WorkingDaysBetween(DateOnly,DateOnly)"/>, on the Beijing dates of two UTC instants.</summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) =>
        WorkingDaysBetween(BeijingTime.DateOf(from), BeijingTime.DateOf(to));
}
