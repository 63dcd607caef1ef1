using Beian.Core.Assessments;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Tests.Apps;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using static Beian.Web.Tests.Assessments.AssessmentFlows;

namespace Beian.Web.Tests.Assessments;

/// <summary>
/// A change that adds a version with new functions makes an assessment due: the approval says so and 申请详情 offers
/// 【发起安全评估】 with the APP and the case picked; 统计分析 counts assessments and the police list exports.
/// </summary>
public abstract class AssessmentPromptTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_version_with_new_functions_prompts_an_assessment_of_that_app_prefilled()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var app = await AppFlows.ApproveAsync(platform, await AppFlows.FileAppAsync(client, AppFlows.UniquePackage()));
        var detail = await client.SubmitAsync(await client.GetAsync($"/Apps/Change?id={app.Id}"), "提交", new Dictionary<string, string>
        {
            ["BasicInfo.Versions[1].Platform"] = "Android",
            ["BasicInfo.Versions[1].Number"] = "2.0.0",
            ["BasicInfo.Versions[1].ReleasedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["BasicInfo.Versions[1].Notes"] = "新增网络直播功能",
        });
        Assert.Null(detail.QuerySelector("#assessment-due"));
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        await ReviewFlows.ApproveAsync(reviewer, IdOf(detail));

        var approved = await client.GetAsync(detail.PathOf());
        var due = approved.QuerySelector("#assessment-due")!;
        Assert.Contains("Android 2.0.0", due.TextContent);
        var start = due.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/Assessments/New?record={app.Id}&trigger=Launch", start);
        var messages = await ReviewFlows.InDatabaseAsync(platform, db => db.SiteMessages.AsNoTracking().Where(m => m.UserId == app.OwnerUserId).ToListAsync());
        Assert.Contains(messages, m => m.Body.Contains("应当开展安全评估"));

        var form = await client.GetAsync(start);
        var row = form.QuerySelectorAll("#targets tbody tr").Single(tr => tr.TextContent.Contains(app.NumberDisplay!));
        Assert.NotNull(row.QuerySelector("input[type=checkbox][checked]"));
        Assert.Contains("Android 2.0.0", row.QuerySelector("select")!.TextContent);
        Assert.NotNull(form.QuerySelector("input[name='Form.Triggers'][value='Launch'][checked]"));
    }

    [Fact]
    public async Task Statistics_count_assessments_by_status_case_and_method_and_the_police_list_exports()
    {
        platform.RequireAvailable();
        const string county = "330110";
        var filed = await FiledWebsiteAsync(platform, county);
        await SubmitAsync(filed.Applicant, changes: new() { ["Form.Method"] = nameof(AssessmentMethod.ThirdParty), ["Form.Institution"] = "浙江省网络安全测评中心" });
        var (officer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, county);

        var statistics = await officer.GetAsync("/Police/Statistics");
        Assert.Equal("1", Cell(statistics, "assessments-by-status", "待审核"));
        Assert.Equal("1", Cell(statistics, "assessments-by-trigger", AssessmentTrigger.Launch.Label()));
        Assert.Equal("1", Cell(statistics, "assessments-by-method", AssessmentMethod.ThirdParty.Label()));

        var list = await officer.GetAsync("/Police/Assessments?method=ThirdParty");
        using var download = await Download.GetAsync(officer, PoliceLinks.ExportHref(list));
        var rows = Download.RowsOf(download.Workbook.Worksheet("安全评估"));
        var row = Assert.Single(rows);
        Assert.Equal("委托第三方安全评估机构", row[4]);
        Assert.Equal("待审核", row[5]);
    }

    private static string Cell(AngleSharp.Html.Dom.IHtmlDocument page, string table, string rowName) =>
        page.QuerySelectorAll($"#{table} tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == rowName).QuerySelector("td")!.TextContent;
}

public sealed class AssessmentPromptTests_Sqlite(SqlitePlatform platform) : AssessmentPromptTests(platform), IClassFixture<SqlitePlatform>;

public sealed class AssessmentPromptTests_Postgres(PostgresPlatform platform) : AssessmentPromptTests(platform), IClassFixture<PostgresPlatform>;
