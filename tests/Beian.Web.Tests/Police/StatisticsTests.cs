using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Core.Calendar;
using Beian.Core.PoliceUnits;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>
/// 统计分析 (SPEC §9): each officer counts exactly the applications of their jurisdiction, a
/// supervisor's total is the sum of its units, review times are working days and the overdue count
/// follows the units' limits as the days pass. Each test uses a city of its own, so that the counts
/// of one never reach another.
/// </summary>
public abstract class StatisticsTests(PlatformFixture platform, ManualClock clock)
{
    private DateTime Now => clock.Now;
    private DateOnly Today => BeijingTime.DateOf(clock.Now);

    [Fact]
    public async Task A_county_sees_its_own_numbers_and_the_city_the_sum_of_its_counties()
    {
        platform.RequireAvailable();
        await SeededApplications.SubmitManyAsync(platform, 3, "330106", BusinessType.NewWebsite, Now.AddDays(-2));
        await SeededApplications.SubmitAsync(platform, "330106", BusinessType.ChangeWebsite, Now.AddDays(-5), approvedUtc: Now.AddDays(-1));
        await SeededApplications.SubmitAsync(platform, "330106", BusinessType.NewSubject, Now.AddDays(-2)); // reviewed with its first business
        await SeededApplications.SubmitAsync(platform, "330108", BusinessType.NewWebsite, Now.AddDays(-2));
        await SeededApplications.SubmitAsync(platform, "330108", BusinessType.NewWebsite, Now.AddDays(-2), returnedUtc: Now);
        await SeededApplications.SubmitManyAsync(platform, 4, "330203", BusinessType.NewWebsite, Now.AddDays(-2));
        var range = $"?from={Today.AddDays(-9):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

        var xihu = await DashboardAsync(Roles.Reviewer, "330106", range);
        Assert.Equal(4, Summary(xihu, "申请数"));
        Assert.Equal(3, Row(xihu, "by-status", "待审核")[0]);
        Assert.Equal(1, Row(xihu, "by-status", "已通过")[0]);
        Assert.Equal(3, Row(xihu, "by-type", "新办网站申请")[0]);
        Assert.Equal(1, Row(xihu, "by-type", "变更网站")[0]);
        Assert.Equal(3, Row(xihu, "daily", $"{Today.AddDays(-2):yyyy-MM-dd}")[0]);
        Assert.Equal(1, Row(xihu, "daily", $"{Today.AddDays(-5):yyyy-MM-dd}")[0]);
        Assert.Equal(10, RowsOf(xihu, "daily").Count);
        var xihuUnits = RowsOf(xihu, "by-unit");
        Assert.Equal(["杭州市公安局西湖区分局网安大队"], xihuUnits.Keys);
        Assert.Equal(4, xihuUnits.Single().Value[0]);

        var city = await DashboardAsync(Roles.Supervisor, "330100", range);
        Assert.Equal(6, Summary(city, "申请数"));
        Assert.Equal(1, Row(city, "by-status", "已退回")[0]);
        var cityUnits = RowsOf(city, "by-unit");
        Assert.Equal(4, cityUnits["杭州市公安局西湖区分局网安大队"][0]);
        Assert.Equal(2, cityUnits["杭州市公安局滨江区分局网安大队"][0]);
        Assert.Equal(6, cityUnits.Values.Sum(v => v[0]));
        // One row for each county of the city, and nothing of another city.
        Assert.Equal(PoliceUnitCatalog.Default.ChildrenOf("330100").Select(u => u.Name).Order(), cityUnits.Keys.Order());

        var ningbo = await DashboardAsync(Roles.Supervisor, "330200", range);
        Assert.Equal(4, Summary(ningbo, "申请数"));

        var province = await DashboardAsync(Roles.Supervisor, "330000", range);
        var provinceUnits = RowsOf(province, "by-unit");
        Assert.Equal(6, provinceUnits["杭州市公安局网安支队"][0]);
        Assert.Equal(4, provinceUnits["宁波市公安局网安支队"][0]);

        var changes = await DashboardAsync(Roles.Supervisor, "330100", range + "&type=ChangeWebsite");
        Assert.Equal(1, Summary(changes, "申请数"));
        Assert.Equal(0, Row(changes, "by-type", "新办网站申请")[0]);
    }

    [Fact]
    public async Task Review_times_are_working_days_of_the_decisions_made_in_the_period()
    {
        platform.RequireAvailable();
        // 09-30 → 10-09 across 国庆节: 2 working days; 10-12 → 10-16: 4; 10-19 → 10-19: 0.
        await SeededApplications.SubmitAsync(platform, "330402", BusinessType.NewWebsite, Beijing(2026, 9, 30, 16), approvedUtc: Beijing(2026, 10, 9, 10));
        await SeededApplications.SubmitAsync(platform, "330402", BusinessType.NewWebsite, Beijing(2026, 10, 12, 9), returnedUtc: Beijing(2026, 10, 16, 17));
        await SeededApplications.SubmitAsync(platform, "330402", BusinessType.ChangeWebsite, Beijing(2026, 10, 19, 9), approvedUtc: Beijing(2026, 10, 19, 15));
        // Decided after the period: not counted in its review times.
        await SeededApplications.SubmitAsync(platform, "330402", BusinessType.NewWebsite, Beijing(2026, 10, 20, 9), approvedUtc: Beijing(2026, 11, 20, 9));

        var page = await DashboardAsync(Roles.Reviewer, "330402", "?from=2026-10-01&to=2026-10-31");

        Assert.Equal(3, Summary(page, "已办结"));
        Assert.Equal(2.0, Summary(page, "平均审核用时"));
        Assert.Equal(4, Summary(page, "95%审核用时"));
        Assert.Equal(3, Summary(page, "申请数")); // submitted 10-12, 10-19 and 10-20; 09-30 is before the period
        Assert.Equal(2.0, RowsOf(page, "by-unit").Single().Value[5]);
    }

    [Fact]
    public async Task Days_are_Beijing_days()
    {
        platform.RequireAvailable();
        // 23:30 and 00:30 Beijing time an hour apart: the same UTC date (10-14), two Beijing dates.
        await SeededApplications.SubmitAsync(platform, "330411", BusinessType.NewWebsite, Beijing(2026, 10, 14, 23).AddMinutes(30));
        await SeededApplications.SubmitAsync(platform, "330411", BusinessType.NewWebsite, Beijing(2026, 10, 15, 0).AddMinutes(30));

        var page = await DashboardAsync(Roles.Reviewer, "330411", "?from=2026-10-13&to=2026-10-16");
        Assert.Equal([0, 1, 1, 0], RowsOf(page, "daily").Values.Select(v => v[0]));

        var oneDay = await DashboardAsync(Roles.Reviewer, "330411", "?from=2026-10-15&to=2026-10-15");
        Assert.Equal(1, Summary(oneDay, "申请数"));
    }

    [Fact]
    public async Task The_overdue_count_follows_each_units_limit_as_the_days_pass()
    {
        platform.RequireAvailable();
        await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            return await db.PoliceUnits.Where(u => u.Code == "330303").ExecuteUpdateAsync(u => u.SetProperty(p => p.ReviewLimitWorkingDays, 7));
        });
        var longAgo = await SeededApplications.SubmitAsync(platform, "330302", BusinessType.NewWebsite, Now.AddDays(-60));
        await SeededApplications.SubmitAsync(platform, "330302", BusinessType.NewWebsite, Now.AddDays(-60), approvedUtc: Now.AddDays(-50));
        await SeededApplications.SubmitAsync(platform, "330302", BusinessType.NewWebsite, Now);
        var sevenDays = await SeededApplications.SubmitAsync(platform, "330303", BusinessType.ChangeWebsite, Now);

        var start = await DashboardAsync(Roles.Supervisor, "330300");
        Assert.Equal(1, Summary(start, "当前超期"));
        Assert.Equal(1, RowsOf(start, "by-unit")["温州市公安局鹿城区分局网安大队"][6]);
        Assert.Equal(0, RowsOf(start, "by-unit")["温州市公安局龙湾区分局网安大队"][6]);

        // On the due date of the 7-day unit's application it is not overdue yet; the day after it is.
        var due = WorkingDayCalculator.Default.AddWorkingDays(Today, 7);
        clock.Advance(TimeSpan.FromDays(due.DayNumber - Today.DayNumber));
        Assert.Equal(1, Summary(await DashboardAsync(Roles.Supervisor, "330300"), "当前超期"));

        clock.Advance(TimeSpan.FromDays(1));
        var after = await DashboardAsync(Roles.Supervisor, "330300");
        Assert.Equal(2, Summary(after, "当前超期"));
        Assert.Equal(1, RowsOf(after, "by-unit")["温州市公安局龙湾区分局网安大队"][6]);
        var county = await DashboardAsync(Roles.Reviewer, "330303");
        Assert.Equal(1, Summary(county, "当前超期"));

        // The queue's 仅显示已超期 counts with the same reckoning.
        using var supervisor = await Officers.LoggedInAsync(platform, Roles.Supervisor, "330300");
        var queue = await supervisor.GetAsync("/Police/Queue?overdueOnly=true");
        var numbers = queue.QuerySelectorAll("#queue tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToList();
        Assert.Equal([longAgo.Number, sevenDays.Number], numbers);
    }

    [Fact]
    public async Task The_period_defaults_to_the_last_30_Beijing_days_and_a_reversed_period_is_refused()
    {
        platform.RequireAvailable();
        var page = await DashboardAsync(Roles.Reviewer, "330602");
        Assert.Equal(Today.AddDays(-29).ToString("yyyy-MM-dd"), ((IHtmlInputElement)page.QuerySelector("#From")!).Value);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), ((IHtmlInputElement)page.QuerySelector("#To")!).Value);
        Assert.Equal(30, RowsOf(page, "daily").Count);

        var reversed = await DashboardAsync(Roles.Reviewer, "330602", "?from=2026-10-10&to=2026-10-01");
        Assert.Contains("结束日期不能早于开始日期", reversed.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Null(reversed.QuerySelector("#summary"));
    }

    [Fact]
    public async Task The_export_holds_every_table_of_the_page_one_sheet_each()
    {
        platform.RequireAvailable();
        await SeededApplications.SubmitManyAsync(platform, 2, "330602", BusinessType.NewWebsite, Now.AddDays(-1));
        await SeededApplications.SubmitAsync(platform, "330603", BusinessType.CancelWebsite, Now.AddDays(-3), approvedUtc: Now.AddDays(-1));
        using var supervisor = await Officers.LoggedInAsync(platform, Roles.Supervisor, "330600");
        var page = await supervisor.GetAsync("/Police/Statistics?type=");

        using var download = await Download.GetAsync(supervisor, PoliceLinks.ExportHref(page));

        Assert.Equal($"统计分析_{Today:yyyyMMdd}.xlsx", download.FileName);
        Assert.Equal(["概况", "每日申请量", "按审核状态", "按业务类型", "按下级单位", "安全评估按状态", "安全评估按评估情形", "安全评估按评估方法",
                "服务商上报网站备案情况", "应用市场上报APP备案情况"],
            download.Workbook.Worksheets.Select(w => w.Name));
        foreach (var (id, sheet) in new[]
                 {
                     ("daily", "每日申请量"), ("by-status", "按审核状态"), ("by-type", "按业务类型"), ("by-unit", "按下级单位"),
                     ("assessments-by-status", "安全评估按状态"), ("assessments-by-method", "安全评估按评估方法"),
                 })
        {
            var worksheet = download.Workbook.Worksheet(sheet);
            var table = page.QuerySelector($"table#{id}")!;
            Assert.Equal(table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()), Download.HeaderOf(worksheet));
            var html = table.QuerySelectorAll("tbody tr")
                .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
            Assert.Equal(html, Download.RowsOf(worksheet).Select(r => r.ToList()).ToList());
        }
        var summary = Download.RowsOf(download.Workbook.Worksheet("概况")).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("3", summary["申请数"]);
        Assert.Equal("绍兴市公安局网安支队", summary["统计单位"]);
    }

    [Fact]
    public async Task Only_police_officers_reach_the_statistics_and_the_exports()
    {
        platform.RequireAvailable();
        var (applicant, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        using var anonymous = platform.NewClient();
        foreach (var path in new[] { "/Police/Statistics", "/Police/Statistics?handler=Export", "/Police/Queue?handler=Export",
                     "/Police/Websites", "/Police/Websites?handler=Export" })
        {
            var refused = await applicant.Http.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Accounts/AccessDenied", refused.Headers.Location!.PathAndQuery);
            var anonymousResponse = await anonymous.Http.GetAsync(path);
            Assert.StartsWith("/Accounts/Login", anonymousResponse.Headers.Location!.PathAndQuery);
        }
        applicant.Dispose();
    }

    private static DateTime Beijing(int year, int month, int day, int hour) =>
        BeijingTime.StartOfDayUtc(new DateOnly(year, month, day)).AddHours(hour);

    /// <summary>A freshly logged-in officer's dashboard: the clock may have moved since the last login.</summary>
    private async Task<IHtmlDocument> DashboardAsync(string role, string unit, string query = "")
    {
        using var client = await Officers.LoggedInAsync(platform, role, unit);
        var page = await client.GetAsync("/Police/Statistics" + query);
        Assert.Equal("/Police/Statistics", page.PathOf());
        return page;
    }

    private static double Summary(IHtmlDocument page, string label)
    {
        var term = page.QuerySelectorAll("#summary dt").Single(dt => dt.TextContent.Trim() == label);
        return double.Parse(term.NextElementSibling!.GetAttribute("data-value")!);
    }

    /// <summary>A table's rows by their heading cell: the numbers of the other cells (NaN for "—").</summary>
    private static Dictionary<string, double[]> RowsOf(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"table#{table} tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(),
            tr => tr.QuerySelectorAll("td").Select(td => td.GetAttribute("data-value") is { Length: > 0 } v ? double.Parse(v) : double.NaN).ToArray());

    private static double[] Row(IHtmlDocument page, string table, string heading) => RowsOf(page, table)[heading];
}

/// <summary>The platform with its clock in the test's hand, starting now.</summary>
public sealed class ClockedSqlitePlatform : SqlitePlatform
{
    public ManualClock Clock { get; } = new(DateTime.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class ClockedPostgresPlatform : PostgresPlatform
{
    public ManualClock Clock { get; } = new(DateTime.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class StatisticsTests_Sqlite(ClockedSqlitePlatform platform) : StatisticsTests(platform, platform.Clock), IClassFixture<ClockedSqlitePlatform>;

public sealed class StatisticsTests_Postgres(ClockedPostgresPlatform platform) : StatisticsTests(platform, platform.Clock), IClassFixture<ClockedPostgresPlatform>;
