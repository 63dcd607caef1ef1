using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>待审核申请: each officer sees exactly the applications of their jurisdiction (SPEC §9).</summary>
public abstract class QueueTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_county_sees_its_own_applications_and_the_city_sees_every_county_below_it()
    {
        platform.RequireAvailable();
        var xihu = await FileWebsiteInAsync("330106");
        var binjiang = await FileWebsiteInAsync("330108");

        var xihuQueue = await QueueOfAsync(Roles.Reviewer, "330106");
        Assert.Contains(xihu, xihuQueue);
        Assert.DoesNotContain(binjiang, xihuQueue);

        var binjiangQueue = await QueueOfAsync(Roles.Reviewer, "330108");
        Assert.Contains(binjiang, binjiangQueue);
        Assert.DoesNotContain(xihu, binjiangQueue);

        var cityQueue = await QueueOfAsync(Roles.Supervisor, "330100");
        Assert.Contains(xihu, cityQueue);
        Assert.Contains(binjiang, cityQueue);

        var otherCity = await QueueOfAsync(Roles.Supervisor, "330200");
        Assert.DoesNotContain(xihu, otherCity);
        Assert.DoesNotContain(binjiang, otherCity);
    }

    [Fact]
    public async Task The_due_date_counts_the_units_working_days()
    {
        platform.RequireAvailable();
        var number = await FileWebsiteInAsync("330106");
        using var client = await LoggedInOfficerAsync(Roles.Reviewer, "330106");
        var page = await client.GetAsync("/Police/Queue");
        var due = DateOnly.Parse(CellOf(page, number, "办理期限")[..10]);
        var expected = Beian.Core.Calendar.WorkingDayCalculator.Default.AddWorkingDays(DateTimeOffset.UtcNow, 21);
        Assert.InRange(due.DayNumber, expected.DayNumber - 1, expected.DayNumber);
    }

    [Fact]
    public async Task Each_row_names_the_subject_that_applies()
    {
        platform.RequireAvailable();
        var number = await FileWebsiteInAsync("330106", "杭州西子湖畔网络科技有限公司");
        using var client = await LoggedInOfficerAsync(Roles.Reviewer, "330106");
        var page = await client.GetAsync("/Police/Queue");
        Assert.Equal("杭州西子湖畔网络科技有限公司", CellOf(page, number, "开办主体"));
    }

    /// <summary>The text of one column (by its heading) in the row of an application.</summary>
    private static string CellOf(IHtmlDocument page, string number, string column)
    {
        var headings = page.QuerySelectorAll("#queue thead th").Select(th => th.TextContent.Trim()).ToList();
        var row = page.QuerySelectorAll("#queue tbody tr").First(r => r.TextContent.Contains(number));
        return row.Children[headings.IndexOf(column)].TextContent.Trim();
    }

    private async Task<string> QueueOfAsync(string role, string unit)
    {
        using var client = await LoggedInOfficerAsync(role, unit);
        var page = await client.GetAsync("/Police/Queue");
        Assert.Equal("/Police/Queue", page.PathOf());
        return page.QuerySelector("main")!.TextContent;
    }

    /// <summary>A subject whose office is in the given county files a website; returns the application number.</summary>
    private async Task<string> FileWebsiteInAsync(string county, string subjectName = "北京小米科技有限责任公司")
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var fields = SubjectForms.Organisation(subjectName, mobile: SubjectForms.UniqueMobile());
        fields["Form.Organisation.OfficeAddress.CountyCode"] = county;
        var subject = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核", fields, SubjectForms.AllFiles());
        Assert.Equal("待审核", subject.QuerySelector("#application-status")!.TextContent);
        var domain = $"q{Guid.NewGuid():N}"[..12] + ".com";
        var detail = await WebsiteFlows.FileWebsiteAsync(client, domain);
        return detail.QuerySelectorAll("dd").First().TextContent.Trim();
    }

    private async Task<PlatformClient> LoggedInOfficerAsync(string role, string unit) =>
        (await PoliceLogin.OfficerAsync(platform, role, unit)).Client;
}

public sealed class QueueTests_Sqlite(SqlitePlatform platform) : QueueTests(platform), IClassFixture<SqlitePlatform>;

public sealed class QueueTests_Postgres(PostgresPlatform platform) : QueueTests(platform), IClassFixture<PostgresPlatform>;
