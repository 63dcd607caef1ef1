using System.Text.Json;

namespace Beian.Core.Calendar;

/// <summary>A year's two lists as read from a file, and the rows that could not be read.</summary>
public sealed record HolidayImport(IReadOnlyDictionary<DateOnly, string> Holidays, IReadOnlyDictionary<DateOnly, string> AdjustedWorkdays,
    IReadOnlyList<HolidayLineError> Errors);

/// <summary>
/// Reads a year's schedule from a file an administrator uploads: the platform's CSV
/// (日期,类型,名称 — 类型 法定节假日 or 调休上班日, a date or a range as typed on the page) or the JSON
/// of a year in the reference package chinese-days (<c>{"holidays": {"2027-01-01": "New Year's Day,元旦,1"},
/// "workdays": {…}}</c>), which is how a newer release of that package can be loaded without a new platform release.
/// </summary>
public static class HolidayYearImport
{
    public const string CsvHeader = "日期,类型,名称";
    private static readonly string[] HolidayKinds = ["法定节假日", "节假日", "放假"];
    private static readonly string[] WorkdayKinds = ["调休上班日", "上班", "补班", "调休上班"];

    public static HolidayImport Read(string text) =>
        text.TrimStart().StartsWith('{') ? ReadJson(text) : ReadCsv(text);

    private static HolidayImport ReadCsv(string text)
    {
        var holidayLines = new List<(int, string)>();
        var workdayLines = new List<(int, string)>();
        var errors = new List<HolidayLineError>();
        var lines = HolidayYearText.SplitLines(text);
        for (var index = 0; index < lines.Length; index++)
        {
            var cells = lines[index].Split(',', '，').Select(cell => cell.Trim().Trim('"')).ToArray();
            if (cells.All(cell => cell.Length == 0) || (index == 0 && cells[0] == "日期")) continue;
            var line = index + 1;
            if (cells.Length != 3) errors.Add(new HolidayLineError(line, $"应有3列：{CsvHeader}"));
            else if (HolidayKinds.Contains(cells[1])) holidayLines.Add((line, $"{cells[0]} {cells[2]}"));
            else if (WorkdayKinds.Contains(cells[1])) workdayLines.Add((line, $"{cells[0]} {cells[2]}"));
            else errors.Add(new HolidayLineError(line, $"类型“{cells[1]}”应为“法定节假日”或“调休上班日”"));
        }
        var holidays = HolidayYearText.Parse(holidayLines);
        var workdays = HolidayYearText.Parse(workdayLines);
        return new HolidayImport(holidays.Dates, workdays.Dates,
            [.. errors.Concat(holidays.Errors).Concat(workdays.Errors).OrderBy(e => e.Line)]);
    }

    private static HolidayImport ReadJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var holidays = Dates(root, "holidays");
            var workdays = Dates(root, "workdays", "adjustedWorkdays");
            return new HolidayImport(holidays.Dates, workdays.Dates, [.. holidays.Errors.Concat(workdays.Errors)]);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return new HolidayImport(new Dictionary<DateOnly, string>(), new Dictionary<DateOnly, string>(),
                [new HolidayLineError(1, "不是有效的JSON文件，应为chinese-days的年度文件或本平台的CSV模板")]);
        }
    }

    /// <summary>The dates under the first of <paramref name="names"/> present; a value "English,中文,天数" gives its Chinese part.</summary>
    private static HolidayDates Dates(JsonElement root, params string[] names)
    {
        foreach (var name in names)
        {
            if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Object) continue;
            var lines = list.EnumerateObject().Select((entry, index) => (index + 1, $"{entry.Name} {FestivalName(entry.Value.GetString())}"));
            return HolidayYearText.Parse(lines);
        }
        return new HolidayDates(new Dictionary<DateOnly, string>(), []);
    }

    private static string FestivalName(string? value)
    {
        var parts = (value ?? string.Empty).Split(',');
        var name = parts.Length >= 2 ? parts[1] : parts[0];
        return name switch { "清明" => "清明节", "端午" => "端午节", "中秋" => "中秋节", _ => name };
    }
}
