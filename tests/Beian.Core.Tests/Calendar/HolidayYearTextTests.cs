using Beian.Core.Calendar;

namespace Beian.Core.Tests.Calendar;

public class HolidayYearTextTests
{
    private static DateOnly Date(string iso) => DateOnly.Parse(iso);

    [Fact]
    public void Reads_single_dates_and_ranges_with_their_names()
    {
        var read = HolidayYearText.Parse("2027-01-01 元旦\r\n\r\n2027-02-06至2027-02-08 春节\n2027/4/5，清明节");

        Assert.Empty(read.Errors);
        Assert.Equal(5, read.Dates.Count);
        Assert.Equal("春节", read.Dates[Date("2027-02-07")]);
        Assert.Equal("清明节", read.Dates[Date("2027-04-05")]);
    }

    [Theory]
    [InlineData("元旦 2027-01-01", "应为“日期 名称”")]
    [InlineData("2027-02-30 春节", "“2027-02-30”不是有效日期")]
    [InlineData("2027-02-08至2027-02-06 春节", "结束日期早于开始日期")]
    [InlineData("2027-01-01至2027-03-01 春节", "一段日期最长31天")]
    [InlineData("2027-01-01 中华人民共和国成立纪念日", "名称最长10个字")]
    public void A_line_it_cannot_read_is_reported_with_its_number_and_reason(string line, string reason)
    {
        var read = HolidayYearText.Parse("2027-05-01 劳动节\n" + line);

        var error = Assert.Single(read.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("第2行：", error.ToString());
    }

    [Fact]
    public void A_date_typed_twice_is_refused()
    {
        var read = HolidayYearText.Parse("2027-02-06至2027-02-08 春节\n2027-02-07 春节");

        Assert.Equal("2027-02-07重复填写", Assert.Single(read.Errors).Message);
    }

    [Fact]
    public void Formats_consecutive_days_of_one_name_as_a_range_that_reads_back()
    {
        var year = HolidayCalendar.Shipped.Single(y => y.Year == 2026);

        var text = HolidayYearText.Format(year.Holidays);

        Assert.Contains("2026-02-15至2026-02-23 春节", text);
        Assert.Equal(year.Holidays, HolidayYearText.Parse(text).Dates);
    }

    [Fact]
    public void A_schedule_is_checked_as_a_whole()
    {
        var holidays = new Dictionary<DateOnly, string> { [Date("2027-01-01")] = "元旦", [Date("2026-12-31")] = "元旦", [Date("2027-02-07")] = "春节" };
        var workdays = new Dictionary<DateOnly, string> { [Date("2027-02-07")] = "春节", [Date("2027-02-08")] = "春节" };

        var problems = HolidayYear.Problems(2027, holidays, workdays).Select(p => p.Message).ToList();

        Assert.Contains("法定节假日2026-12-31不在2027年内", problems);
        Assert.Contains("2027-02-08是星期一，本就是工作日，不是调休上班日", problems);
        Assert.Contains("2027-02-07不能既是法定节假日又是调休上班日", problems);
        Assert.Contains("请至少填写一个法定节假日（每年至少有元旦）", HolidayYear.Problems(2027, new Dictionary<DateOnly, string>(), workdays).Select(p => p.Message));
        var shipped = HolidayCalendar.Shipped.Single(y => y.Year == 2026);
        Assert.Empty(HolidayYear.Problems(2026, shipped.Holidays, shipped.AdjustedWorkdays));
    }
}

public class HolidayYearImportTests
{
    private static DateOnly Date(string iso) => DateOnly.Parse(iso);

    [Fact]
    public void Reads_the_platforms_csv_with_both_kinds_and_reports_bad_rows_by_line()
    {
        var import = HolidayYearImport.Read("日期,类型,名称\n2027-01-01,法定节假日,元旦\n2027-02-06至2027-02-08,放假,春节\n2027-02-13,调休上班日,春节\n2027-03-01,休息,春节\n2027-04-05,法定节假日");

        Assert.Equal(4, import.Holidays.Count);
        Assert.Equal("春节", import.AdjustedWorkdays[Date("2027-02-13")]);
        Assert.Equal([5, 6], import.Errors.Select(e => e.Line));
        Assert.Contains("类型“休息”应为“法定节假日”或“调休上班日”", import.Errors[0].Message);
    }

    [Fact]
    public void Reads_a_year_of_the_reference_package_chinese_days()
    {
        var import = HolidayYearImport.Read("""
            {"holidays":{"2027-01-01":"New Year's Day,元旦,1","2027-04-05":"Tomb-sweeping Day,清明,1"},
             "workdays":{"2027-02-20":"Spring Festival,春节,8"},"inLieuDays":{}}
            """);

        Assert.Empty(import.Errors);
        Assert.Equal("清明节", import.Holidays[Date("2027-04-05")]);
        Assert.Equal("春节", import.AdjustedWorkdays[Date("2027-02-20")]);
    }

    [Fact]
    public void A_broken_json_file_is_one_clear_error()
    {
        var import = HolidayYearImport.Read("{\"holidays\": ");

        Assert.Contains("不是有效的JSON文件", Assert.Single(import.Errors).Message);
    }
}
