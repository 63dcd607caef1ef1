namespace Beian.Core.Calendar;

/// <summary>
/// The official holiday calendar (法定节假日 and 调休 working days) of the covered years.
/// Outside the covered years every Monday–Friday is a working day, and a date reckoned there is
/// only an estimate (<see cref="FirstUncoveredYear"/>).
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly Lazy<IReadOnlyList<HolidayYear>> LazyShipped = new(HolidayFile.LoadYears);
    private static readonly Lazy<HolidayCalendar> LazyDefault = new(() => new HolidayCalendar(Shipped));

    private readonly Dictionary<DateOnly, string> _holidays;
    private readonly Dictionary<DateOnly, string> _adjustedWorkdays;
    private readonly HashSet<int> _coveredYears;

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
        _coveredYears = [.. CoveredYears];
    }

    /// <summary>A calendar of these years; where a year appears twice, the later entry wins.</summary>
    public HolidayCalendar(IEnumerable<HolidayYear> years) : this(LastOfEachYear(years)) { }

    /// <param name="years">One entry per year, in order (<see cref="LastOfEachYear"/>).</param>
    private HolidayCalendar(List<HolidayYear> years)
        : this(years.SelectMany(y => y.Holidays).ToDictionary(), years.SelectMany(y => y.AdjustedWorkdays).ToDictionary(), years.Select(y => y.Year))
    {
        Years = years;
    }

    /// <summary>The years the platform ships, from its reference package (ReferenceData/holidays.json).</summary>
    public static IReadOnlyList<HolidayYear> Shipped => LazyShipped.Value;

    /// <summary>The shipped calendar alone.</summary>
    public static HolidayCalendar Default => LazyDefault.Value;

    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>The covered years' schedules, when the calendar was built from them.</summary>
    public IReadOnlyList<HolidayYear> Years { get; } = [];

    public bool Covers(DateOnly date) => _coveredYears.Contains(date.Year);

    /// <summary>The first year from <paramref name="from"/>'s to <paramref name="to"/>'s whose schedule is not known; null when all are.</summary>
    public int? FirstUncoveredYear(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
        {
            if (!_coveredYears.Contains(year)) return year;
        }
        return null;
    }

    public bool IsHoliday(DateOnly date) => _holidays.ContainsKey(date);

    /// <summary>The holiday's name (春节, 国庆节 …), or null on an ordinary day.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>A weekend date that is a working day (调休上班).</summary>
    public bool IsAdjustedWorkday(DateOnly date) => _adjustedWorkdays.ContainsKey(date);

    public bool IsWorkingDay(DateOnly date) =>
        IsAdjustedWorkday(date) || (HolidayYear.IsWeekday(date) && !IsHoliday(date));

    /// <summary>
    /// A digest of the days on which this calendar departs from plain Monday–Friday weeks (a weekday off, a weekend day
    /// worked): two calendars with the same signature count the same working days between any two dates.
    /// </summary>
    public string Signature => _signature ??= Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.ASCII.GetBytes(string.Join(',', _holidays.Keys.Concat(_adjustedWorkdays.Keys).Distinct()
            .Where(day => IsWorkingDay(day) != HolidayYear.IsWeekday(day)).Order()
            .Select(day => day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + (IsWorkingDay(day) ? "W" : "H"))))));

    private string? _signature;

    private static List<HolidayYear> LastOfEachYear(IEnumerable<HolidayYear> years) =>
        years.GroupBy(y => y.Year).Select(g => g.Last()).OrderBy(y => y.Year).ToList();
}
