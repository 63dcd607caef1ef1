using AngleSharp.Html.Dom;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Filing;

/// <summary>The wizard's steps every business shares, from step ② on, and a decision taken as a reviewer would.</summary>
public static class BusinessFlows
{
    /// <summary>The given basic information and files on step ②, the people from the subject, consent, 【提交】: the 申请详情 page.</summary>
    public static async Task<IHtmlDocument> FileFromStepTwoAsync(PlatformClient client, IHtmlDocument step2, Dictionary<string, string> basicInfo,
        Dictionary<string, TestUpload> files)
    {
        var step3 = await client.SubmitAsync(step2, "下一步", basicInfo, files);
        Assert.True(step3.QuerySelector("#person-Principal") != null, step3.QuerySelector(".validation-summary-errors")?.TextContent ?? step3.PathOf());
        step3 = await FillPeopleFromSubjectAsync(client, step3);
        var step4 = step3.QuerySelector("#notice-title") != null ? step3 : await client.SubmitAsync(step3, "下一步");
        Assert.True(step4.QuerySelector("#notice-title") != null, step4.QuerySelector(".validation-summary-errors")?.TextContent ?? step4.PathOf());
        var detail = await client.SubmitAsync(step4, "提交", new Dictionary<string, string> { ["Consent"] = "true" });
        Assert.True(detail.PathOf().StartsWith("/My/ApplicationDetail"), detail.QuerySelector(".validation-summary-errors")?.TextContent ?? detail.PathOf());
        return detail;
    }

    /// <summary>
    /// Step ③ without JavaScript: 同主体负责人信息 ticked for the three required people and the step posted; it comes back filled,
    /// to be checked, or, when the people shown were the subject's already (a subject's second filing), goes on to step ④.
    /// </summary>
    public static async Task<IHtmlDocument> FillPeopleFromSubjectAsync(PlatformClient client, IHtmlDocument step3)
    {
        foreach (var person in new[] { "Principal", "SecurityOfficer", "EmergencyContact" })
            ((IHtmlInputElement)step3.QuerySelector($"#person-{person} legend input[name=SameAsSubject]")!).IsChecked = true;
        var filled = await client.SubmitAsync(step3, "下一步");
        Assert.True(filled.QuerySelector("#filled-from-subject") != null || filled.QuerySelector("#notice-title") != null,
            filled.QuerySelector(".validation-summary-errors")?.TextContent ?? filled.PathOf());
        return filled;
    }

    /// <summary>Approves the application of <paramref name="detail"/> (申请详情) as a reviewer would; the record it decided.</summary>
    public static async Task<TRecord> ApproveAsync<TRecord>(PlatformFixture platform, IHtmlDocument detail) where TRecord : BusinessRecord
    {
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        return await platform.ScopedAsync(async s =>
        {
            var result = await s.GetRequiredService<ApplicationService>().ApproveAsync(applicationId, "reviewer");
            Assert.True(result.Succeeded, result.Error);
            var db = s.GetRequiredService<BeianDbContext>();
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            return await db.Set<TRecord>().AsNoTracking().SingleAsync(r => r.Id == application.TargetId);
        });
    }

    /// <summary>注销 through the business's page with the principal's SMS code (<paramref name="principal"/>: name and mobile), then approved.</summary>
    public static async Task CancelAsync<TRecord>(PlatformFixture platform, PlatformClient client, string segment, TRecord record,
        (string Name, string Mobile) principal) where TRecord : BusinessRecord
    {
        var middle = principal.Mobile.Substring(3, 4);
        var sent = await client.SubmitAsync(await client.GetAsync($"/{segment}/Cancel?id={record.Id}"), "发送验证码",
            new Dictionary<string, string> { ["MobileMiddle"] = middle });
        var detail = await client.SubmitAsync(sent, "确认", new Dictionary<string, string>
        {
            ["PrincipalName"] = principal.Name, ["MobileMiddle"] = middle, ["SmsCode"] = await OutboxReader.LatestSmsCodeAsync(platform, principal.Mobile),
            ["Reason"] = "已停止运营",
        });
        await ApproveAsync<TRecord>(platform, detail);
    }
}
