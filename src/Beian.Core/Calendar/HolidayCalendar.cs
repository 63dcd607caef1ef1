namespace Beian.Core.Calendar;

/// <summary>
/// The official holiday calendar (法定节假日 and 调休 working days) of the covered years.
/// Outside the covered years every Monday–Friday is a working day.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly Lazy<HolidayCalendar> LazyDefault = new(HolidayFile.LoadCalendar);

    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, string> _adjustedWorkdays;

    /// <param name="holidays">Official holidays: date → name (春节, 国庆节 …).</param>
    /// <param name="adjustedWorkdays">Weekend dates that are working days (调休): date → the holiday they make up for.</param>
    /// <param name="coveredYears">The years whose official schedule is known.</param>
    public HolidayCalendar(
        IReadOnlyDictionary<DateOnly, string> holidays,
        IReadOnlyDictionary<DateOnly, string> adjustedWorkdays,
        IEnumerable<int> coveredYears)
    {
        _holidays = new Dictionary<DateOnly, string>(holidays);
        _adjustedWorkdays = new Dictionary<DateOnly, string>(adjustedWorkdays);
        CoveredYears = coveredYears.Distinct().Order().ToList();
    }

    public static HolidayCalendar Default => LazyDefault.Value;

    public IReadOnlyList<int> CoveredYears { get; }

    public bool Covers(DateOnly date) => CoveredYears.Contains(date.Year);

    public bool IsHoliday(DateOnly date) => _holidays.ContainsKey(date);

    /// <summary>The holiday's name (春节, 国庆节 …), or null on an ordinary day.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>A weekend date that is a working day (调休上班).</summary>
    public bool IsAdjustedWorkday(DateOnly date) => _adjustedWorkdays.ContainsKey(date);

    public bool IsWorkingDay(DateOnly date) =>
        IsAdjustedWorkday(date) || (IsWeekday(date) && !IsHoliday(date));

    private static bool IsWeekday(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
