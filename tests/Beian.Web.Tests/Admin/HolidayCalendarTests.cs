using System.Text;
using Beian.Core.Calendar;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Assessments;
using Beian.Web.Features.Audit;
using Beian.Web.Tests.Content;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Microsoft.EntityFrameworkCore;
using static Beian.Web.Tests.Assessments.AssessmentFlows;

namespace Beian.Web.Tests.Admin;

/// <summary>
/// 节假日安排: while the year that due dates reach has no schedule, they are 预计 and 工作台 and the
/// administrators say which year is missing; once an administrator enters it, the queue's due dates and a
/// stored 安全评估 完成期限 are reckoned with it, the filer is told of the moved date, and the entry is audited.
/// </summary>
public abstract class HolidayCalendarTests(PlatformFixture platform, ManualClock clock)
{
    /// <summary>The first year from today's that the shipped calendar does not know: the one deadlines run into.</summary>
    private static int MissingYear(DateOnly today) =>
        Enumerable.Range(today.Year, 3).First(year => !HolidayCalendar.Default.CoveredYears.Contains(year));

    /// <summary>The first three weekdays of January: entered as holidays they move every due date that spans them.</summary>
    private static List<DateOnly> EarlyJanuaryWeekdays(int year) =>
        Enumerable.Range(1, 10).Select(day => new DateOnly(year, 1, day)).Where(HolidayYear.IsWeekday).Take(3).ToList();

    private DateOnly Today => BeijingTime.DateOf(clock.GetUtcNow());

    [Fact]
    public async Task Due_dates_in_a_year_without_holidays_are_estimates_until_an_administrator_enters_it_then_they_are_reckoned_again()
    {
        platform.RequireAvailable();
        var year = MissingYear(Today);
        // Mid-December of the year before: every due date set now reaches into it.
        var target = BeijingTime.StartOfDayUtc(new DateOnly(year - 1, 12, 10)).AddHours(2);
        if (target > clock.Now) clock.Advance(target - clock.Now);

        var filed = await FiledWebsiteAsync(platform);
        var website = await ReviewFlows.InDatabaseAsync(platform, db => db.Websites.AsNoTracking().SingleAsync(w => w.MainDomain == filed.Domain));
        var (officer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        await officer.SubmitAsync(await officer.GetAsync($"/Police/Assessments/Require?number={website.NumberDigits}"), "提交要求",
            new Dictionary<string, string> { ["Reason"] = "发生违法有害信息传播", ["Trigger"] = "Incident", ["WorkingDays"] = "20" });
        var required = await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Assessment>().AsNoTracking().SingleAsync(a => a.RequiredRecordId == website.Id));
        var waiting = await ReviewFlows.FileWebsiteInAsync(platform, Xihu);
        var application = await ReviewFlows.ApplicationAsync(platform, waiting.ApplicationId);

        var queue = await officer.GetAsync("/Police/Queue");
        var row = RowOf(queue, application.Number);
        Assert.Contains("（预计）", row.TextContent);
        Assert.Contains($"{year}年法定节假日和调休安排尚未录入", row.QuerySelector("td[title]")!.GetAttribute("title"));
        Assert.Contains($"{year}年法定节假日和调休安排尚未录入", (await officer.GetAsync("/Police")).QuerySelector("#missing-holiday-years")!.TextContent);
        Assert.Contains("（预计）", (await ReviewFlows.ReviewPageAsync(officer, waiting.ApplicationId)).QuerySelector("#application-summary")!.TextContent);
        var admin = await ContentFlows.AdministratorAsync(platform);
        Assert.Contains($"{year}年", (await admin.GetAsync("/Admin")).QuerySelector("#missing-holiday-years")!.TextContent);

        var holidays = EarlyJanuaryWeekdays(year);
        var entered = await admin.GetAsync($"/Admin/Holidays?year={year}"); // the page's year box and 录入或修改
        Assert.EndsWith($"/Admin/Holidays/Edit/{year}", entered.Url);
        var saved = await admin.SubmitAsync(entered, "保存", new Dictionary<string, string>
        {
            ["Holidays"] = string.Join("\n", holidays.Select(d => $"{d:yyyy-MM-dd} 元旦")),
            ["AdjustedWorkdays"] = "",
        });
        Assert.Contains($"{year}年节假日安排已保存", saved.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(saved.QuerySelector("#missing-holiday-years"));

        var calendar = new WorkingDayCalculator(new HolidayCalendar([.. HolidayCalendar.Shipped,
            new HolidayYear(year, holidays.ToDictionary(d => d, _ => "元旦"), new Dictionary<DateOnly, string>())]));
        var expected = calendar.AddWorkingDays(BeijingTime.DateOf(application.SubmittedAt), Features.Police.ReviewDeadlines.DefaultLimit);
        row = RowOf(await officer.GetAsync("/Police/Queue"), application.Number);
        Assert.Contains(expected.ToString("yyyy-MM-dd"), row.TextContent);
        Assert.DoesNotContain("预计", row.TextContent);
        Assert.Null((await officer.GetAsync("/Police")).QuerySelector("#missing-holiday-years"));

        var reckoned = await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Assessment>().AsNoTracking().SingleAsync(a => a.Id == required.Id));
        Assert.Equal(calendar.AddWorkingDays(BeijingTime.DateOf(required.CreatedAt), 20), reckoned.DueOn);
        Assert.NotEqual(required.DueOn, reckoned.DueOn);
        var told = await ReviewFlows.InDatabaseAsync(platform, db => db.SiteMessages.AsNoTracking()
            .Where(m => m.UserId == required.OwnerUserId && m.Title == "安全评估完成期限调整").Select(m => m.Body).ToListAsync());
        Assert.Contains($"调整为{reckoned.DueOn:yyyy年M月d日}", Assert.Single(told));

        var audit = await ReviewFlows.InDatabaseAsync(platform, db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.ObjectType == AuditObjectTypes.HolidayYear && r.ObjectId == year.ToString()).ToListAsync());
        Assert.Contains($"录入{year}年节假日安排（管理员录入）", Assert.Single(audit).Detail);
    }

    [Fact]
    public async Task A_line_that_cannot_be_read_is_named_next_to_its_box_and_what_was_typed_stays()
    {
        platform.RequireAvailable();
        var admin = await ContentFlows.AdministratorAsync(platform);
        var typed = "2090-01-01 元旦\n2090-02-30 春节";

        var page = await admin.SubmitAsync(await admin.GetAsync("/Admin/Holidays/Edit/2090"), "保存",
            new Dictionary<string, string> { ["Holidays"] = typed, ["AdjustedWorkdays"] = "2090-01-02 元旦" });

        Assert.Contains("第2行：“2090-02-30”不是有效日期", page.QuerySelector("[data-valmsg-for=Holidays]")!.TextContent);
        Assert.Equal(typed, page.QuerySelector("#Holidays")!.TextContent.Trim());
        page = await admin.SubmitAsync(page, "保存", new Dictionary<string, string> { ["Holidays"] = "2090-01-02 元旦", ["AdjustedWorkdays"] = "2090-01-02 元旦" });
        Assert.Contains("2090-01-02不能既是法定节假日又是调休上班日", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.False(await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Features.Calendar.HolidayYearEntry>().AnyAsync(e => e.Year == 2090)));
    }

    [Fact]
    public async Task A_file_fills_the_boxes_to_be_checked_and_a_second_administrator_cannot_overwrite_the_first()
    {
        platform.RequireAvailable();
        var first = await ContentFlows.AdministratorAsync(platform);
        var second = await ContentFlows.AdministratorAsync(platform);
        var csv = "日期,类型,名称\n2091-01-01,法定节假日,元旦\n2091-02-05至2091-02-07,法定节假日,春节\n2091-02-03,调休上班日,春节\n";
        var firstPage = await first.GetAsync("/Admin/Holidays/Edit/2091");
        var secondPage = await second.GetAsync("/Admin/Holidays/Edit/2091");

        var imported = await first.SubmitAsync(firstPage, "导入", files: new Dictionary<string, TestUpload>
        {
            ["Upload"] = new("2091.csv", Encoding.GetEncoding("GB18030").GetBytes(csv), "text/csv"),
        });
        Assert.Contains("法定节假日4天、调休上班日1天", imported.QuerySelector("#import-summary")!.TextContent);
        Assert.Contains("2091-02-05至2091-02-07 春节", imported.QuerySelector("#Holidays")!.TextContent);
        var savedPage = await first.SubmitAsync(imported, "保存");
        Assert.True(savedPage.QuerySelector("[role=status]")?.TextContent.Contains("已保存") == true, savedPage.Body!.TextContent);

        var refused = await second.SubmitAsync(secondPage, "保存", new Dictionary<string, string> { ["Holidays"] = "2091-01-01 元旦" });
        Assert.Contains("已被其他管理员修改", refused.QuerySelector(".validation-summary-errors")!.TextContent);
        var entry = await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Features.Calendar.HolidayYearEntry>().AsNoTracking().SingleAsync(e => e.Year == 2091));
        Assert.Equal(Features.Calendar.HolidayYearSource.Imported, entry.Source);
        Assert.Equal(4, entry.ToSchedule().Holidays.Count);
    }

    private static AngleSharp.Dom.IElement RowOf(AngleSharp.Html.Dom.IHtmlDocument queue, string number) =>
        queue.QuerySelectorAll("#queue tbody tr").Single(r => r.TextContent.Contains(number));
}

public sealed class HolidayCalendarTests_Sqlite(ClockedSqlitePlatform platform)
    : HolidayCalendarTests(platform, platform.Clock), IClassFixture<ClockedSqlitePlatform>;

public sealed class HolidayCalendarTests_Postgres(ClockedPostgresPlatform platform)
    : HolidayCalendarTests(platform, platform.Clock), IClassFixture<ClockedPostgresPlatform>;
