using AngleSharp.Html.Dom;
using Beian.Core.Assessments;
using Beian.Web.Data;
using Beian.Web.Features.Assessments;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Assessments;

/// <summary>An applicant with a filed website, and the steps of 发起安全评估 the assessment tests share.</summary>
public static class AssessmentFlows
{
    public const string Xihu = "330106";

    /// <summary>Long enough for every measure (twenty characters at least).</summary>
    public const string Answer = "已建立完善的制度和技术措施，专人负责，定期检查并留存记录。";

    /// <summary>A subject of 西湖区 with one website filed by its reviewer.</summary>
    public static async Task<FiledWebsite> FiledWebsiteAsync(PlatformFixture platform, string county = Xihu)
    {
        var filed = await ReviewFlows.FileWebsiteInAsync(platform, county);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Beian.Web.Features.Accounts.Roles.Reviewer, county);
        await ReviewFlows.ApproveAsync(reviewer, filed.ApplicationId);
        return filed;
    }

    /// <summary>Every part filled: the first business offered picked, a self-assessment.</summary>
    public static Dictionary<string, string> Complete() => new()
    {
        ["Form.Targets[0].Picked"] = "true",
        ["Form.Triggers"] = nameof(AssessmentTrigger.Launch),
        ["Form.Method"] = nameof(AssessmentMethod.SelfAssessment),
        ["Form.Officer.Name"] = "王安全",
        ["Form.Officer.Title"] = "信息安全部经理",
        ["Form.Officer.Phone"] = "13905710001",
        ["Form.Officer.Email"] = "security@example.com",
        ["Form.Measures.IdentityVerification"] = Answer,
        ["Form.Measures.LogRetention"] = Answer,
        ["Form.Measures.HarmfulInformation"] = Answer,
        ["Form.Measures.PersonalInformation"] = Answer,
        ["Form.Measures.Complaints"] = Answer,
        ["Form.Measures.TechnicalAssistance"] = Answer,
    };

    public static Dictionary<string, TestUpload> Report() =>
        new() { ["Report.File"] = new TestUpload("安全评估报告.pdf", Uploads.TestFiles.Pdf(), "application/pdf") };

    /// <summary>Submits a complete self-assessment of the first business offered; returns 申请详情.</summary>
    public static async Task<IHtmlDocument> SubmitAsync(PlatformClient client, string url = "/Assessments/New", Dictionary<string, string>? changes = null)
    {
        var fields = Complete();
        foreach (var (key, value) in changes ?? []) fields[key] = value;
        var detail = await client.SubmitAsync(await client.GetAsync(url), "提交", fields, Report());
        Assert.True(detail.PathOf().StartsWith("/My/ApplicationDetail"), detail.QuerySelector(".validation-summary-errors")?.TextContent ?? detail.PathOf());
        return detail;
    }

    public static Guid IdOf(IHtmlDocument page) => Guid.Parse(new Uri(page.Url).Segments[^1]);

    public static Task<Assessment> AssessmentOfAsync(PlatformFixture platform, Guid applicationId) =>
        platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            var targetId = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId)).TargetId;
            return await db.Set<Assessment>().AsNoTracking().SingleAsync(a => a.Id == targetId);
        });
}
