using System.Globalization;
using Beian.Core.ReferenceData;

namespace Beian.Core.Calendar;

/// <summary>The shape of ReferenceData/holidays.json.</summary>
internal sealed record HolidayFile(Dictionary<string, HolidayFile.Year> Years)
{
    internal sealed record Year(Dictionary<string, string> Holidays, Dictionary<string, string> AdjustedWorkdays);

    public static HolidayCalendar LoadCalendar()
    {
        var file = EmbeddedReferenceData.Read<HolidayFile>(EmbeddedReferenceData.HolidaysFile);
        var years = file.Years.Values.ToList();
        return new HolidayCalendar(
            ParseDates(years.SelectMany(year => year.Holidays)),
            ParseDates(years.SelectMany(year => year.AdjustedWorkdays)),
            file.Years.Keys.Select(int.Parse));
    }

    private static Dictionary<DateOnly, string> ParseDates(IEnumerable<KeyValuePair<string, string>> entries) =>
        entries.ToDictionary(
            entry => DateOnly.ParseExact(entry.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            entry => entry.Value);
}
