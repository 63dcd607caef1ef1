using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Beian.Core.Applications;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>【导出Excel】 of 待审核申请 and 已备案网站: every row the filters select, of the officer's jurisdiction only.</summary>
public abstract partial class PoliceExportTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_queue_export_holds_every_filtered_row_of_every_page()
    {
        platform.RequireAvailable();
        var now = DateTime.UtcNow;
        var wanted = await SeededApplications.SubmitManyAsync(platform, 23, "330502", BusinessType.NewWebsite, now.AddDays(-3));
        await SeededApplications.SubmitManyAsync(platform, 2, "330502", BusinessType.ChangeWebsite, now.AddDays(-3));
        await SeededApplications.SubmitAsync(platform, "330502", BusinessType.NewWebsite, now.AddDays(-3), approvedUtc: now.AddDays(-1));
        await SeededApplications.SubmitAsync(platform, "330503", BusinessType.NewWebsite, now.AddDays(-3));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330502");

        var page = await reviewer.GetAsync("/Police/Queue?type=NewWebsite");
        Assert.Equal(20, page.QuerySelectorAll("#queue tbody tr").Length);
        Assert.Equal("共 23 条", page.QuerySelector("#queue-total")!.TextContent);
        var href = PoliceLinks.ExportHref(page);
        Assert.Contains("type=NewWebsite", href);

        using var download = await Download.GetAsync(reviewer, href);
        Assert.Equal($"待审核申请_{BeijingTime.DateOf(now):yyyyMMdd}.xlsx", download.FileName);
        var sheet = download.Workbook.Worksheet("待审核申请");
        // The same columns as the page, less its 操作 (the link to the review page).
        Assert.Equal(page.QuerySelectorAll("#queue thead th").Select(th => th.TextContent.Trim()).Where(h => h != "操作"), Download.HeaderOf(sheet));
        var rows = Download.RowsOf(sheet);
        Assert.Equal(wanted.Select(a => a.Number).Order(), rows.Select(r => r[0]).Order());
        Assert.All(rows, r => Assert.Equal("新办网站申请", r[1]));
        Assert.All(rows, r => Assert.Equal("待审核", r[7]));
        // The first rows of the export are the rows of the first page, cell for cell.
        var firstPage = page.QuerySelectorAll("#queue tbody tr")
            .Select(tr => tr.Children.SkipLast(1).Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(firstPage, rows.Take(20).Select(r => r.ToList()).ToList());
    }

    [Fact]
    public async Task The_queue_export_keeps_the_status_and_overdue_filters()
    {
        platform.RequireAvailable();
        var now = DateTime.UtcNow;
        var overdue = await SeededApplications.SubmitAsync(platform, "330522", BusinessType.ChangeWebsite, now.AddDays(-70));
        await SeededApplications.SubmitAsync(platform, "330522", BusinessType.ChangeWebsite, now.AddDays(-1));
        var approved = await SeededApplications.SubmitAsync(platform, "330522", BusinessType.ChangeWebsite, now.AddDays(-70), approvedUtc: now.AddDays(-60));
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330522");

        var overdueOnly = await reviewer.GetAsync("/Police/Queue?overdueOnly=true");
        using (var download = await Download.GetAsync(reviewer, PoliceLinks.ExportHref(overdueOnly)))
        {
            var rows = Download.RowsOf(download.Workbook.Worksheet(1));
            Assert.Equal([overdue.Number], rows.Select(r => r[0]));
            Assert.EndsWith("（已超期）", rows.Single()[6]);
        }

        var approvedOnly = await reviewer.GetAsync("/Police/Queue?status=Approved");
        using (var download = await Download.GetAsync(reviewer, PoliceLinks.ExportHref(approvedOnly)))
        {
            var rows = Download.RowsOf(download.Workbook.Worksheet(1));
            Assert.Equal([approved.Number], rows.Select(r => r[0]));
            Assert.DoesNotContain("超期", rows.Single()[6]); // decided: no longer counted against its due date
        }
    }

    [Fact]
    public async Task Filed_websites_and_their_export_are_of_the_officers_jurisdiction_only()
    {
        platform.RequireAvailable();
        var xihu = await FiledWebsiteAsync("330106");
        var binjiang = await FiledWebsiteAsync("330108");
        using var reviewer = await Officers.LoggedInAsync(platform, Roles.Reviewer, "330106");

        var list = await reviewer.GetAsync("/Police/Websites");
        var listed = list.QuerySelector("#filed-websites")!.TextContent;
        Assert.Contains(xihu.Number, listed);
        Assert.Contains(xihu.Domain, listed);
        Assert.DoesNotContain(binjiang.Number, listed);

        using (var download = await Download.GetAsync(reviewer, PoliceLinks.ExportHref(list)))
        {
            Assert.Equal($"已备案网站_{BeijingTime.DateOf(DateTime.UtcNow):yyyyMMdd}.xlsx", download.FileName);
            var sheet = download.Workbook.Worksheet("已备案网站");
            Assert.Equal(list.QuerySelectorAll("#filed-websites thead th").Select(th => th.TextContent.Trim()).SkipLast(1), Download.HeaderOf(sheet));
            var rows = Download.RowsOf(sheet);
            Assert.Contains(rows, r => r[0] == xihu.Number && r[2] == xihu.Domain && r[6] == "已备案");
            Assert.DoesNotContain(rows, r => r[0] == binjiang.Number);
            var cells = rows.SelectMany(r => r).ToList();
            Assert.DoesNotContain(cells, c => MobileOrId().IsMatch(c));
        }

        var byNumber = await reviewer.GetAsync($"/Police/Websites?number={Uri.EscapeDataString(xihu.Number)}");
        Assert.Equal("共 1 条", byNumber.QuerySelector("#website-total")!.TextContent);
        var byDomain = await reviewer.GetAsync($"/Police/Websites?domain=http://{xihu.Domain}/");
        Assert.Equal("共 1 条", byDomain.QuerySelector("#website-total")!.TextContent);
        using (var download = await Download.GetAsync(reviewer, PoliceLinks.ExportHref(byDomain)))
        {
            Assert.Equal([xihu.Number], Download.RowsOf(download.Workbook.Worksheet(1)).Select(r => r[0]));
        }
        var tomorrow = BeijingTime.DateOf(DateTime.UtcNow).AddDays(1);
        var later = await reviewer.GetAsync($"/Police/Websites?filedFrom={tomorrow:yyyy-MM-dd}");
        Assert.Null(later.QuerySelector("#filed-websites"));

        using var city = await Officers.LoggedInAsync(platform, Roles.Supervisor, "330100");
        var cityList = (await city.GetAsync("/Police/Websites")).QuerySelector("#filed-websites")!.TextContent;
        Assert.Contains(xihu.Number, cityList);
        Assert.Contains(binjiang.Number, cityList);

        using var otherCity = await Officers.LoggedInAsync(platform, Roles.Supervisor, "330200");
        var otherList = await otherCity.GetAsync("/Police/Websites");
        Assert.DoesNotContain(xihu.Number, otherList.QuerySelector("main")!.TextContent);
    }

    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")]
    private static partial Regex MobileOrId();

    /// <summary>A subject of the county, approved; its website filed through the wizard and approved.</summary>
    private async Task<(string Number, string Domain)> FiledWebsiteAsync(string county)
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var fields = SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile());
        fields["Form.Organisation.OfficeAddress.CountyCode"] = county;
        var subject = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核", fields, SubjectForms.AllFiles());
        var subjectApplication = Guid.Parse(new Uri(subject.Url).Segments[^1]);
        var approved = await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ApproveAsync(subjectApplication, "reviewer"));
        Assert.True(approved.Succeeded, approved.Error);
        var domain = $"f{Guid.NewGuid():N}"[..12] + ".com";
        var (_, number) = await WebsiteFlows.ApproveAsync(platform, await WebsiteFlows.FileWebsiteAsync(client, domain));
        client.Dispose();
        return (number, domain);
    }
}

public sealed class PoliceExportTests_Sqlite(SqlitePlatform platform) : PoliceExportTests(platform), IClassFixture<SqlitePlatform>;

public sealed class PoliceExportTests_Postgres(PostgresPlatform platform) : PoliceExportTests(platform), IClassFixture<PostgresPlatform>;
