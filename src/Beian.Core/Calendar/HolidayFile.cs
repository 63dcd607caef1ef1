using System.Globalization;
using Beian.Core.ReferenceData;

namespace Beian.Core.Calendar;

/// <summary>The shape of ReferenceData/holidays.json.</summary>
internal sealed record HolidayFile(Dictionary<string, HolidayFile.Year> Years)
{
    internal sealed record Year(Dictionary<string, string> Holidays, Dictionary<string, string> AdjustedWorkdays);

    public static IReadOnlyList<HolidayYear> LoadYears()
    {
        var file = EmbeddedReferenceData.Read<HolidayFile>(EmbeddedReferenceData.HolidaysFile);
        return file.Years
            .Select(entry => new HolidayYear(int.Parse(entry.Key, CultureInfo.InvariantCulture),
                ParseDates(entry.Value.Holidays), ParseDates(entry.Value.AdjustedWorkdays)))
            .OrderBy(year => year.Year)
            .ToList();
    }

    private static Dictionary<DateOnly, string> ParseDates(IEnumerable<KeyValuePair<string, string>> entries) =>
        entries.ToDictionary(
            entry => DateOnly.ParseExact(entry.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            entry => entry.Value);
}
