using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Websites;

/// <summary>Steps several website tests share: an approved subject, a website filed through the wizard.</summary>
public static class WebsiteFlows
{
    public static async Task<IHtmlDocument> FileWebsiteAsync(PlatformClient client, string domain)
    {
        var step1 = await client.GetAsync("/Websites/New?step=1");
        var step2 = await client.SubmitAsync(step1, "下一步");
        return await FileWebsiteAsync(client, domain, step2, WebsiteWizardTests.BasicInfo(domain));
    }

    /// <summary>From step ② on: the given basic information, the people from the subject, consent, 【提交】.</summary>
    public static async Task<IHtmlDocument> FileWebsiteAsync(PlatformClient client, string domain, IHtmlDocument step2, Dictionary<string, string> basicInfo)
    {
        var step3 = await client.SubmitAsync(step2, "下一步", basicInfo);
        Assert.True(step3.QuerySelector("#person-Principal") != null, step3.QuerySelector(".validation-summary-errors")?.TextContent ?? step3.PathOf());
        step3 = await Filing.BusinessFlows.FillPeopleFromSubjectAsync(client, step3);
        var step4 = await client.SubmitAsync(step3, "下一步");
        Assert.True(step4.QuerySelector("#notice-title") != null, step4.QuerySelector(".validation-summary-errors")?.TextContent ?? step4.PathOf());
        var detail = await client.SubmitAsync(step4, "提交", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.True(detail.PathOf().StartsWith("/My/ApplicationDetail"), detail.QuerySelector(".validation-summary-errors")?.TextContent ?? detail.PathOf());
        return detail;
    }

    public static async Task<(PlatformClient Client, Guid SubjectId)> ApprovedSubjectAsync(PlatformFixture platform)
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var detail = await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile()), SubjectForms.AllFiles());
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var subjectId = await platform.ScopedAsync(async s =>
        {
            var result = await s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer");
            Assert.True(result.Succeeded, result.Error);
            return (await s.GetRequiredService<BeianDbContext>().Applications.SingleAsync(a => a.Id == applicationId)).SubjectId;
        });
        return (client, subjectId);
    }

    public static async Task<(Guid WebsiteId, string Number)> ApproveAsync(PlatformFixture platform, IHtmlDocument detail)
    {
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        return await platform.ScopedAsync(async s =>
        {
            var result = await s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer");
            Assert.True(result.Succeeded, result.Error);
            var db = s.GetRequiredService<BeianDbContext>();
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            var website = await db.Websites.SingleAsync(w => w.Id == application.TargetId);
            return (website.Id, website.NumberDisplay ?? string.Empty);
        });
    }
}
