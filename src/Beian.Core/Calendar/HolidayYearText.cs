using System.Globalization;
using System.Text.RegularExpressions;

namespace Beian.Core.Calendar;

/// <summary>A typed line that could not be read: its number (from 1) and why, in Chinese.</summary>
public sealed record HolidayLineError(int Line, string Message)
{
    public override string ToString() => $"第{Line}行：{Message}";
}

/// <summary>The dates of one list as read from text, and the lines that could not be read.</summary>
public sealed record HolidayDates(IReadOnlyDictionary<DateOnly, string> Dates, IReadOnlyList<HolidayLineError> Errors);

/// <summary>
/// The way administrators type a year's dates: one line per date or per range, the date(s) and the
/// festival's name — "2027-01-01 元旦" or "2027-02-06至2027-02-12 春节" (also "~", "-" between the
/// dates; a comma, tab or space before the name). Empty lines are skipped.
/// </summary>
public static partial class HolidayYearText
{
    public const int MaxRangeDays = 31;

    [GeneratedRegex(@"^(?<from>\d{4}[-/]\d{1,2}[-/]\d{1,2})(\s*(至|到|~|～|—)\s*(?<to>\d{4}[-/]\d{1,2}[-/]\d{1,2}))?[\s,，、\t]+(?<name>.+)$")]
    private static partial Regex LinePattern();

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d"];

    public static HolidayDates Parse(string? text) =>
        Parse(SplitLines(text).Select((line, index) => (index + 1, line)));

    /// <summary>Lines that come with their own numbers (an imported file's rows).</summary>
    public static HolidayDates Parse(IEnumerable<(int Line, string Text)> lines)
    {
        var dates = new Dictionary<DateOnly, string>();
        var errors = new List<HolidayLineError>();
        foreach (var (number, text) in lines)
        {
            var line = text.Trim();
            if (line.Length == 0) continue;
            if (ReadLine(line, dates) is { } error) errors.Add(new HolidayLineError(number, error));
        }
        return new HolidayDates(dates, errors);
    }

    public static string[] SplitLines(string? text) => (text ?? string.Empty).Replace("\r\n", "\n").Split('\n');

    /// <summary>Adds the line's dates to <paramref name="dates"/>, or says why it cannot.</summary>
    private static string? ReadLine(string line, Dictionary<DateOnly, string> dates)
    {
        var match = LinePattern().Match(line);
        if (!match.Success) return "应为“日期 名称”，如“2027-01-01 元旦”或“2027-02-06至2027-02-12 春节”";
        if (!TryDate(match.Groups["from"].Value, out var from)) return $"“{match.Groups["from"].Value}”不是有效日期";
        var to = from;
        if (match.Groups["to"].Success && !TryDate(match.Groups["to"].Value, out to)) return $"“{match.Groups["to"].Value}”不是有效日期";
        if (to < from) return "结束日期早于开始日期";
        if (to.DayNumber - from.DayNumber >= MaxRangeDays) return $"一段日期最长{MaxRangeDays}天";
        var name = match.Groups["name"].Value.Trim();
        if (name.Length > HolidayYear.MaxNameLength) return $"名称最长{HolidayYear.MaxNameLength}个字";
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var repeated = days.Where(dates.ContainsKey).Select(day => (DateOnly?)day).FirstOrDefault();
        if (repeated != null) return $"{repeated:yyyy-MM-dd}重复填写";
        foreach (var day in days) dates[day] = name;
        return null;
    }

    /// <summary>The dates as lines, consecutive days of one name joined into a range; Parse reads them back.</summary>
    public static string Format(IReadOnlyDictionary<DateOnly, string> dates)
    {
        var lines = new List<string>();
        var ordered = dates.OrderBy(d => d.Key).ToList();
        for (var start = 0; start < ordered.Count;)
        {
            var end = start;
            while (end + 1 < ordered.Count && ordered[end + 1].Key == ordered[end].Key.AddDays(1) && ordered[end + 1].Value == ordered[start].Value) end++;
            var (from, to, name) = (ordered[start].Key, ordered[end].Key, ordered[start].Value);
            lines.Add(from == to ? $"{from:yyyy-MM-dd} {name}" : $"{from:yyyy-MM-dd}至{to:yyyy-MM-dd} {name}");
            start = end + 1;
        }
        return string.Join('\n', lines);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
