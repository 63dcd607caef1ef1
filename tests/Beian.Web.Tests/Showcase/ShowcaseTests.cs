using System.Net;
using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Showcase;

/// <summary>
/// 备案展厅 (SPEC §11, seed 000): the newest filed websites, newest first, with no more than the
/// public record shows — an individual's name masked — each linking to the record of its number,
/// kept for a minute. The clock is the test's, so "a minute later" is exact.
/// </summary>
public abstract class ShowcaseTests(PlatformFixture platform, ManualClock clock)
{
    [Fact]
    public async Task The_newest_filed_sites_are_listed_newest_first_with_an_individuals_name_masked_and_linked_to_their_records()
    {
        platform.RequireAvailable();
        var personal = await FileApprovedAsync(await IndividualAsync("陈静"), "光影记录摄影作品集");
        clock.Advance(TimeSpan.FromMinutes(1));
        var (company, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var corporate = await FileApprovedAsync(company, "小米科技官方网站");
        // Submitted but not yet approved: not filed, not shown.
        var pendingDomain = Domain();
        var (waiting, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        await WebsiteFlows.FileWebsiteAsync(waiting, pendingDomain);

        var visitor = platform.NewClient();
        var page = await visitor.GetAsync("/Public/Showcase");
        Assert.Equal(HttpStatusCode.OK, visitor.LastResponse!.StatusCode);
        Assert.Equal(["网站名称", "主域名", "开办者名称", "公安备案号", "联网备案时间"], page.QuerySelectorAll("#showcase thead th").Select(th => th.TextContent));
        var rows = Rows(page);
        Assert.Equal(corporate.Domain, rows[0][1]);
        Assert.Equal("北京小米科技有限责任公司", rows[0][2]);
        Assert.Equal(personal.Domain, rows[1][1]);
        Assert.Equal(["光影记录摄影作品集", personal.Domain, "陈*", personal.Number], rows[1][..4]);
        Assert.Equal(Beian.Core.Time.BeijingTime.Format(clock.Now.AddMinutes(-1)), rows[1][4]);
        Assert.DoesNotContain(page.QuerySelectorAll("#showcase td"), td => td.TextContent.Contains("陈静"));
        Assert.DoesNotContain(pendingDomain, page.Text());

        // Each number opens the public record of that number, which masks the name the same way.
        var link = page.QuerySelectorAll("#showcase tbody tr")[1].QuerySelector("a")!;
        Assert.Equal($"/Public/Record/{Digits(personal.Number)}", link.GetAttribute("href"));
        var record = await visitor.GetAsync(link.GetAttribute("href")!);
        Assert.Contains("陈*", record.QuerySelector("#public-record")!.TextContent);

        // The home page shows the newest of the same list.
        var home = await visitor.GetAsync("/");
        var homeRows = home.QuerySelectorAll("#home-showcase tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal([corporate.Domain, personal.Domain], homeRows.Take(2));

        // Kept for a minute: a site filed meanwhile shows once the minute is over.
        clock.Advance(TimeSpan.FromSeconds(1));
        var (later, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var newest = await FileApprovedAsync(later, "小米科技官方网站");
        Assert.DoesNotContain(newest.Domain, (await visitor.GetAsync("/Public/Showcase")).Text());
        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(newest.Domain, Rows(await visitor.GetAsync("/Public/Showcase"))[0][1]);
    }

    private sealed record FiledSite(string Domain, string Number);

    private async Task<FiledSite> FileApprovedAsync(PlatformClient applicant, string siteName)
    {
        var domain = Domain();
        var step2 = await applicant.SubmitAsync(await applicant.GetAsync("/Websites/New?step=1"), "下一步");
        var basicInfo = WebsiteWizardTests.BasicInfo(domain);
        basicInfo["BasicInfo.Name"] = siteName;
        var detail = await WebsiteFlows.FileWebsiteAsync(applicant, domain, step2, basicInfo);
        var (_, number) = await WebsiteFlows.ApproveAsync(platform, detail);
        return new FiledSite(domain, number);
    }

    /// <summary>An applicant whose 个人 subject (a resident ID of its own) is approved.</summary>
    private async Task<PlatformClient> IndividualAsync(string name)
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var files = SubjectForms.AllFiles();
        files.Remove("Uploads.Licence.File");
        var detail = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核", new Dictionary<string, string>
        {
            ["Form.Nature"] = "Individual",
            ["Form.Principal.Name"] = name,
            ["Form.Principal.CertificateType"] = "ResidentIdCard",
            ["Form.Principal.CertificateNumber"] = ResidentId(),
            ["Form.Principal.CertificateLongTerm"] = "false",
            ["Form.Principal.CertificateValidUntil"] = "2034-03-07",
            ["Form.Principal.ResidenceAddress.ProvinceCode"] = "330000",
            ["Form.Principal.ResidenceAddress.CityCode"] = "330100",
            ["Form.Principal.ResidenceAddress.CountyCode"] = "330102",
            ["Form.Principal.ResidenceAddress.Detail"] = "解放路88号2幢301室",
            ["Form.Principal.Mobile"] = SubjectForms.UniqueMobile(),
            ["Form.Principal.Email"] = "chenjing@example.com",
        }, files);
        Assert.True(detail.QuerySelector("#application-status")?.TextContent == "待审核", detail.QuerySelector(".validation-summary-errors")?.TextContent);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        await platform.ScopedAsync(async s =>
        {
            var result = await s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer");
            Assert.True(result.Succeeded, result.Error);
            return 0;
        });
        return client;
    }

    /// <summary>A valid 居民身份证号码 of 杭州市上城区 (GB 11643 check digit), different each call.</summary>
    private static string ResidentId()
    {
        var body = $"330102199003{Random.Shared.Next(1, 29):00}{Random.Shared.Next(100, 999)}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static string Domain() => $"s{Guid.NewGuid():N}"[..12] + ".com";

    private static string Digits(string number) => new(number.Where(char.IsAsciiDigit).ToArray());

    private static List<string[]> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("#showcase tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
}

public sealed class ShowcaseTests_Sqlite(ClockedSqlitePlatform platform) : ShowcaseTests(platform, platform.Clock), IClassFixture<ClockedSqlitePlatform>;

public sealed class ShowcaseTests_Postgres(ClockedPostgresPlatform platform) : ShowcaseTests(platform, platform.Clock), IClassFixture<ClockedPostgresPlatform>;
