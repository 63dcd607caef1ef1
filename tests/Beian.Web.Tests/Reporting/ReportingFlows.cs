using System.Text;
using AngleSharp.Html.Dom;
using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Reporting;
using Beian.Web.Tests.Assessments;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Reporting;

/// <summary>A 服务商 or 应用市场 applied for by a subject with a filed website and approved by its county, and the steps the reporting tests share.</summary>
public static class ReportingFlows
{
    public sealed record ApprovedReporter(FiledWebsite Filed, Guid ReporterId, Guid ApplicationId)
    {
        public PlatformClient Client => Filed.Applicant;
    }

    public static Dictionary<string, string> ApplicationFields(ReporterRole role) => new()
    {
        ["Form.Services"] = role == ReporterRole.ServiceProvider ? nameof(ProviderServices.Idc) : "",
        ["Form.LicenceNumber"] = role == ReporterRole.ServiceProvider ? "浙B1-20160211" : "浙B2-20080224",
        ["Form.Address.ProvinceCode"] = "330000",
        ["Form.Address.CityCode"] = "330100",
        ["Form.Address.CountyCode"] = AssessmentFlows.Xihu,
        ["Form.Address.Detail"] = "文一西路969号1号楼",
        ["Form.ContactName"] = "赵运维",
        ["Form.ContactMobile"] = "13905718888",
    };

    public static async Task<ApprovedReporter> ApprovedAsync(PlatformFixture platform, ReporterRole role)
    {
        var filed = await AssessmentFlows.FiledWebsiteAsync(platform);
        var detail = await filed.Applicant.SubmitAsync(await filed.Applicant.GetAsync($"/Reporting/{role.Segment()}/Apply"), "提交", ApplicationFields(role));
        Assert.True(detail.PathOf().StartsWith("/My/ApplicationDetail"), detail.QuerySelector(".validation-summary-errors")?.TextContent ?? detail.PathOf());
        var applicationId = AssessmentFlows.IdOf(detail);
        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, AssessmentFlows.Xihu);
        await ReviewFlows.ApproveAsync(reviewer, applicationId);
        var reporterId = (await ReviewFlows.ApplicationAsync(platform, applicationId)).TargetId!.Value;
        return new ApprovedReporter(filed, reporterId, applicationId);
    }

    /// <summary>Uploads a file on 详情 → 数据上报; returns the page it lands on (上报处理情况, or 详情 with the error).</summary>
    public static async Task<IHtmlDocument> UploadAsync(ApprovedReporter reporter, ReportKind kind, string fileName, byte[] content) =>
        await reporter.Client.SubmitAsync(await reporter.Client.GetAsync(ReporterRoutes.DetailPath(reporter.ReporterId)), "提交上报",
            new Dictionary<string, string> { ["Kind"] = kind.ToString() },
            new Dictionary<string, TestUpload> { ["Upload"] = new TestUpload(fileName, content, "text/csv") });

    /// <summary>Reads every queued report now, as the background job does.</summary>
    public static Task<int> ProcessAsync(PlatformFixture platform) =>
        platform.ScopedAsync(s => s.GetRequiredService<ReportProcessor>().RunAsync("test-node", CancellationToken.None));

    /// <summary>
    /// The report once read to its end, by this call or by the platform's own job (every 5 s), which may have claimed
    /// it first and still be reading it.
    /// </summary>
    public static async Task<ServiceReport> CompletedAsync(PlatformFixture platform, Guid reportId)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            await ProcessAsync(platform);
            var report = await ReportAsync(platform, reportId);
            if (report.Status is ReportStatus.Completed or ReportStatus.Failed || waited > TimeSpan.FromSeconds(30)) return report;
            await Task.Delay(200);
        }
    }

    public static Task<T> InDatabaseAsync<T>(PlatformFixture platform, Func<BeianDbContext, Task<T>> read) => ReviewFlows.InDatabaseAsync(platform, read);

    public static Task<ServiceReport> ReportAsync(PlatformFixture platform, Guid id) =>
        InDatabaseAsync(platform, db => db.Set<ServiceReport>().AsNoTracking().SingleAsync(r => r.Id == id));

    public static byte[] Csv(Encoding encoding, params string[] lines) =>
        [.. encoding.GetPreamble(), .. encoding.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    public static Guid IdOf(IHtmlDocument page) => AssessmentFlows.IdOf(page);
}
