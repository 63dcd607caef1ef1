using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>An applicant whose new subject and first website wait for the police of one county.</summary>
public sealed record FiledWebsite(PlatformClient Applicant, TestApplicant Account, Guid ApplicationId, string Domain);

/// <summary>Steps the police-console tests share: filing in a county, opening the review page, deciding.</summary>
public static class ReviewFlows
{
    /// <summary>A new 单位 subject with its office in <paramref name="county"/> and its first website, both submitted.</summary>
    public static async Task<FiledWebsite> FileWebsiteInAsync(PlatformFixture platform, string county, bool interactive = false, string? domain = null)
    {
        var (client, account) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var fields = SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile());
        fields["Form.Organisation.OfficeAddress.CountyCode"] = county;
        var subject = await client.SubmitAsync(await client.GetAsync("/Subjects/New?fresh=true"), "提交审核", fields, SubjectForms.AllFiles());
        Assert.Equal("待审核", subject.QuerySelector("#application-status")!.TextContent);
        domain ??= $"r{Guid.NewGuid():N}"[..12] + ".com";
        var step2 = await client.SubmitAsync(await client.GetAsync("/Websites/New?step=1"), "下一步");
        var basicInfo = WebsiteWizardTests.BasicInfo(domain);
        if (interactive)
        {
            basicInfo["BasicInfo.ProvidesInteractiveServices"] = "true";
            basicInfo["BasicInfo.ServiceTypes"] = "Blog";
        }
        var detail = await WebsiteFlows.FileWebsiteAsync(client, domain, step2, basicInfo);
        return new FiledWebsite(client, account, Guid.Parse(new Uri(detail.Url).Segments[^1]), domain);
    }

    public static Task<IHtmlDocument> ReviewPageAsync(PlatformClient officer, Guid applicationId) =>
        officer.GetAsync($"/Police/Review/{applicationId}");

    public static async Task<IHtmlDocument> ClaimAsync(PlatformClient officer, Guid applicationId)
    {
        var page = await officer.SubmitAsync(await ReviewPageAsync(officer, applicationId), "开始审核");
        Assert.Equal("审核中", page.QuerySelector("#application-status")?.TextContent);
        return page;
    }

    public static async Task<IHtmlDocument> ApproveAsync(PlatformClient officer, Guid applicationId)
    {
        var page = await officer.SubmitAsync(await ClaimAsync(officer, applicationId), "通过");
        Assert.True(page.QuerySelector("#application-status")?.TextContent == "已通过",
            page.QuerySelector(".validation-summary-errors")?.TextContent ?? page.PathOf());
        return page;
    }

    public static Task<T> InDatabaseAsync<T>(PlatformFixture platform, Func<BeianDbContext, Task<T>> read) =>
        platform.ScopedAsync(s => read(s.GetRequiredService<BeianDbContext>()));

    public static Task<FilingApplication> ApplicationAsync(PlatformFixture platform, Guid id) =>
        InDatabaseAsync(platform, db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == id));
}
