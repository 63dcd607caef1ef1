using Beian.Core.Filing;
using System.Text.RegularExpressions;
using Beian.Core.Applications;
using Beian.Core.PoliceUnits;
using Beian.Core.Subjects;
using Beian.Core.Websites;
using Beian.E2E.Infrastructure;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Websites;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Beian.E2E.Police;

/// <summary>
/// The police console's 统计分析 and 已备案网站 in a real browser (SPEC §9): a city supervisor logs in
/// with the SMS second factor, opens the dashboard from the left menu and sees every chart drawn by
/// Chart.js under the site's CSP, with the tables of the same numbers beneath, and downloads the
/// Excel export; a county reviewer finds a filed website of the county. Both work in 宁波市, where no other browser test files.
/// </summary>
public sealed partial class StatisticsDashboardTests(PlatformServer server, BrowserFixture browser) : BrowserTest(server, browser)
{
    [Fact]
    public async Task A_city_supervisor_sees_the_charts_and_tables_of_the_city()
    {
        var problems = new List<string>();
        Page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        Page.PageError += (_, error) => problems.Add(error);
        await SeedAsync();
        var supervisor = await StaffBrowser.CreateAsync(Server, Roles.Supervisor, "330200");

        await StaffBrowser.LogInAsync(Page, supervisor, "/Police");
        await Page.GetByRole(AriaRole.Link, new() { Name = "统计分析", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "统计分析", Exact = true })).ToBeVisibleAsync();
        foreach (var chart in new[] { "daily", "by-status", "by-type", "by-unit" })
            await Expect(Page.Locator($"#{chart}-chart canvas")).ToBeVisibleAsync();
        foreach (var table in new[] { "by-status", "by-unit" })
            await Expect(Page.Locator($"table#{table}")).ToBeVisibleAsync();
        // A long table under its chart (30 days, 15 types) is folded once the chart is drawn, one click away.
        foreach (var table in new[] { "daily", "by-type" })
        {
            await Expect(Page.Locator($"table#{table}")).ToBeHiddenAsync();
            await Page.Locator($"section:has(table#{table}) summary").ClickAsync();
            await Expect(Page.Locator($"table#{table}")).ToBeVisibleAsync();
        }
        await Expect(Page.Locator("#summary")).ToContainTextAsync("当前超期");
        await Expect(Page.Locator("table#by-unit tbody tr").Filter(new() { HasText = PoliceUnitCatalog.Default.Find("330203")!.Name }).Locator("td").First)
            .ToHaveTextAsync("12");
        // Chart.js drew on each canvas: it sized the drawing surface to the box.
        var width = await Page.Locator("#by-unit-chart canvas").EvaluateAsync<int>("c => c.width");
        Assert.True(width > 300, $"by-unit canvas is {width}px wide");
        Assert.Empty(problems);
        await ScreenshotAsync("01-dashboard");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "导出Excel", Exact = true }).ClickAsync());
        Assert.Matches(FileName(), download.SuggestedFilename);

        // 查看超期申请 opens the queue filtered to the overdue application, with its own 【导出Excel】.
        await Page.GetByRole(AriaRole.Link, new() { Name = "查看超期申请", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#queue tbody tr")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#queue tbody tr")).ToContainTextAsync("逾期网站");
        await Expect(Page.GetByLabel("仅显示已超期", new() { Exact = true })).ToBeCheckedAsync();
        await ScreenshotAsync("02-overdue-queue");
    }

    [Fact]
    public async Task A_county_reviewer_finds_a_filed_website_of_the_county_and_exports_the_list()
    {
        var ours = await FiledWebsiteAsync("330212", "鄞州风景网", "yinzhou-scenery.example.cn", "浙公网安备33021202000101号", "33021202000101");
        var theirs = await FiledWebsiteAsync("330211", "镇海科技网", "zhenhai-tech.example.cn", "浙公网安备33021102000102号", "33021102000102");
        var reviewer = await StaffBrowser.CreateAsync(Server, Roles.Reviewer, "330212");

        await StaffBrowser.LogInAsync(Page, reviewer, "/Police");
        await Page.GetByRole(AriaRole.Link, new() { Name = "已备案网站", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#filed-websites")).ToContainTextAsync(ours);
        await Expect(Page.Locator("#filed-websites")).Not.ToContainTextAsync(theirs);

        await Page.GetByLabel("公安备案号", new() { Exact = true }).FillAsync("33021202000101");
        await Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#filed-websites tbody tr")).ToHaveCountAsync(1);
        await ScreenshotAsync("01-filed-websites");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "导出Excel", Exact = true }).ClickAsync());
        Assert.StartsWith("已备案网站_", download.SuggestedFilename);
    }

    [GeneratedRegex(@"^统计分析_\d{8}\.xlsx$")]
    private static partial Regex FileName();

    private async Task<string> FiledWebsiteAsync(string county, string name, string domain, string number, string digits)
    {
        using var scope = Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var now = DateTime.UtcNow;
        var step = new Beian.Web.Features.Filing.RecordStep("e2e-owner", now, "测试数据");
        var subject = Subject.NewPending("e2e-owner", step);
        subject.Nature = SubjectNature.Organisation;
        subject.Name = name + "有限公司";
        subject.JurisdictionUnitCode = county;
        subject.Approve(step);
        var website = Website.NewPending(subject.Id, "e2e-owner", step);
        website.Name = name;
        website.MainDomain = domain;
        website.RegistrableDomain = domain;
        website.JurisdictionUnitCode = county;
        website.File(digits, number, step);
        db.Subjects.Add(subject);
        db.Websites.Add(website);
        await db.SaveChangesAsync();
        return number;
    }

    /// <summary>A month of applications in four counties of 宁波市: some decided, one long overdue.</summary>
    private async Task SeedAsync()
    {
        using var scope = Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BeianDbContext>();
        var now = DateTime.UtcNow;
        // 宁波市: the other browser tests file in 杭州市, so these numbers are this test's alone.
        var counties = new[] { "330203", "330203", "330205", "330206", "330203", "330211", "330205", "330203" };
        var types = new[] { BusinessType.NewWebsite, BusinessType.NewWebsite, BusinessType.ChangeWebsite, BusinessType.NewWebsite, BusinessType.CancelWebsite };
        for (var i = 0; i < 24; i++)
        {
            var submitted = now.AddDays(-(i * 29 / 24)).AddHours(-i);
            var application = FilingApplication.Submit("e2e-seed", types[i % types.Length], Guid.NewGuid(), null, $"演示网站{i}",
                counties[i % counties.Length], Guid.NewGuid(), submitted);
            var decided = submitted.AddDays(2 + i % 4) < now ? submitted.AddDays(2 + i % 4) : now;
            if (i % 3 == 1) application.Approve("e2e-reviewer", null, decided);
            else if (i % 7 == 5) application.Return("e2e-reviewer", [new ReturnReason(null, "整体", "材料不全")], decided);
            db.Applications.Add(application);
        }
        db.Applications.Add(FilingApplication.Submit("e2e-seed", BusinessType.NewWebsite, Guid.NewGuid(), null, "逾期网站",
            "330203", Guid.NewGuid(), now.AddDays(-60)));
        await db.SaveChangesAsync();
    }
}
