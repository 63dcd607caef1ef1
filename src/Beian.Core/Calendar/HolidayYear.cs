namespace Beian.Core.Calendar;

/// <summary>
/// One year's official schedule as the 国务院办公厅 notice gives it: the 法定节假日 (date → festival)
/// and the 调休上班日, weekend dates that are working days (date → the festival they make up for).
/// </summary>
public sealed record HolidayYear(int Year, IReadOnlyDictionary<DateOnly, string> Holidays, IReadOnlyDictionary<DateOnly, string> AdjustedWorkdays)
{
    public const int MaxNameLength = 10;
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>
    /// What is wrong with a schedule typed or imported for <paramref name="year"/>, in Chinese, each with the list it is about
    /// (a date in both lists is the 调休上班日's); empty when it may be saved.
    /// </summary>
    public static IReadOnlyList<HolidayYearProblem> Problems(int year, IReadOnlyDictionary<DateOnly, string> holidays,
        IReadOnlyDictionary<DateOnly, string> adjustedWorkdays)
    {
        var problems = new List<HolidayYearProblem>();
        if (year is < FirstYear or > LastYear) problems.Add(new(HolidayList.Holidays, $"年份应在{FirstYear}至{LastYear}之间"));
        if (holidays.Count == 0) problems.Add(new(HolidayList.Holidays, "请至少填写一个法定节假日（每年至少有元旦）"));
        problems.AddRange(OutsideYear(year, holidays, HolidayList.Holidays, "法定节假日"));
        problems.AddRange(OutsideYear(year, adjustedWorkdays, HolidayList.AdjustedWorkdays, "调休上班日"));
        problems.AddRange(adjustedWorkdays.Keys.Where(IsWeekday).Order()
            .Select(date => new HolidayYearProblem(HolidayList.AdjustedWorkdays, $"{date:yyyy-MM-dd}是{Weekday(date)}，本就是工作日，不是调休上班日")));
        problems.AddRange(holidays.Keys.Where(adjustedWorkdays.ContainsKey).Order()
            .Select(date => new HolidayYearProblem(HolidayList.AdjustedWorkdays, $"{date:yyyy-MM-dd}不能既是法定节假日又是调休上班日")));
        return problems;
    }

    public static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static string Weekday(DateOnly date) => "星期" + "日一二三四五六"[(int)date.DayOfWeek];

    private static IEnumerable<HolidayYearProblem> OutsideYear(int year, IReadOnlyDictionary<DateOnly, string> dates, HolidayList list, string kind) =>
        dates.Keys.Where(date => date.Year != year).Order().Select(date => new HolidayYearProblem(list, $"{kind}{date:yyyy-MM-dd}不在{year}年内"));
}

/// <summary>The two lists of a year's schedule.</summary>
public enum HolidayList
{
    Holidays,
    AdjustedWorkdays,
}

/// <summary>Something wrong with a year's schedule, and the list it is about.</summary>
public sealed record HolidayYearProblem(HolidayList List, string Message);
