using AngleSharp.Dom;
using Beian.Core.Filing;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Filing;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Apps;

/// <summary>变更APP with a new version, 注销APP, the police review of an APP, and who may see what.</summary>
public abstract class AppLifecycleTests(PlatformFixture platform)
{
    private const string Xihu = "330106";
    private const string Binjiang = "330108";

    [Fact]
    public async Task A_new_version_is_added_through_a_change_that_the_reviewer_sees_and_approves()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var app = await AppFlows.ApproveAsync(platform, await AppFlows.FileAppAsync(client, AppFlows.UniquePackage()));

        var list = await client.GetAsync("/Apps/Change");
        Assert.Contains(app.NumberDisplay!, list.Text());
        var form = await client.GetAsync($"/Apps/Change?id={app.Id}");
        var detail = await client.SubmitAsync(form, "提交", new Dictionary<string, string>
        {
            ["BasicInfo.Versions[1].Platform"] = "Android",
            ["BasicInfo.Versions[1].Number"] = "1.1.0",
            ["BasicInfo.Versions[1].ReleasedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["BasicInfo.Versions[1].Notes"] = "新增茶友评论功能",
        });
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        var changes = detail.QuerySelector("#change-table")!.TextContent;
        Assert.Contains("版本信息", changes);
        Assert.Contains("Android 1.1.0", changes);
        Assert.Equal(FilingStatus.Changing, (await AppAsync(app.Id)).Status);

        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var review = await ReviewFlows.ReviewPageAsync(reviewer, applicationId);
        Assert.Contains("变更APP", review.QuerySelector("#application-summary")!.TextContent);
        Assert.Contains("1.1.0", review.QuerySelector("#change-table")!.TextContent);
        var approved = await reviewer.SubmitAsync(await ReviewFlows.ClaimAsync(reviewer, applicationId), "通过");
        Assert.Equal("已通过", approved.QuerySelector("#application-status")!.TextContent);

        var mine = await client.GetAsync($"/My/Apps/{app.Id}");
        Assert.Equal("已备案", mine.QuerySelector("#record-status")!.TextContent);
        Assert.Contains("Android 1.1.0", mine.QuerySelector("#app-versions")!.TextContent);
        Assert.Contains("新增茶友评论功能", mine.QuerySelector("#app-versions")!.TextContent);
        Assert.Contains("变更APP申请", mine.QuerySelector("#record-history")!.TextContent);
    }

    [Fact]
    public async Task An_app_is_cancelled_by_its_principal_with_an_sms_code()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var app = await AppFlows.ApproveAsync(platform, await AppFlows.FileAppAsync(client, AppFlows.UniquePackage()));
        var principal = await platform.ScopedAsync(async s =>
            s.GetRequiredService<AppService>().Read(await s.GetRequiredService<BeianDbContext>().Apps.SingleAsync(a => a.Id == app.Id)).People.Principal);
        var middle = principal.Mobile!.Substring(3, 4);

        var form = await client.GetAsync($"/Apps/Cancel?id={app.Id}");
        var sent = await client.SubmitAsync(form, "发送验证码", new Dictionary<string, string> { ["MobileMiddle"] = middle });
        var code = await OutboxReader.LatestSmsCodeAsync(platform, principal.Mobile);
        var sms = (await OutboxReader.MessagesAsync(platform)).First(m => m.Channel == "Sms" && m.Recipient == principal.Mobile);
        Assert.Contains("注销APP", sms.Body);
        var wrongName = await client.SubmitAsync(sent, "确认", new Dictionary<string, string>
        {
            ["PrincipalName"] = "王五", ["MobileMiddle"] = middle, ["SmsCode"] = code, ["Reason"] = "APP已停止运营",
        });
        Assert.Equal("负责人姓名与APP负责人信息不一致", wrongName.FieldError("PrincipalName"));

        var detail = await client.SubmitAsync(wrongName, "确认", new Dictionary<string, string>
        {
            ["PrincipalName"] = principal.Name!, ["MobileMiddle"] = middle, ["SmsCode"] = code, ["Reason"] = "APP已停止运营",
        });
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Equal(FilingStatus.Cancelling, (await AppAsync(app.Id)).Status);
        await AppFlows.ApproveAsync(platform, detail);
        var cancelled = await AppAsync(app.Id);
        Assert.Equal(FilingStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.CancelledAt);
    }

    [Fact]
    public async Task Another_applicant_and_another_county_can_neither_see_nor_act_on_the_app()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var package = AppFlows.UniquePackage();
        var detail = await AppFlows.FileAppAsync(client, package);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var app = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Apps.AsNoTracking().SingleAsync(a => a.AndroidPackage == package));
        var screenshot = (await platform.ScopedAsync(async s => s.GetRequiredService<AppService>().Read(app))).BasicInfo.ScreenshotFiles[1];

        var (stranger, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        foreach (var path in new[] { $"/My/Apps/{app.Id}", $"/Apps/Change?id={app.Id}", $"/Apps/Cancel?id={app.Id}", $"/files/{screenshot}",
                     $"/My/ApplicationDetail/{applicationId}", $"/Apps/Correct?application={applicationId}" })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.Http.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(package, (await stranger.GetAsync("/My/Apps")).Text());

        var (own, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var review = await ReviewFlows.ReviewPageAsync(own, applicationId);
        Assert.Contains("新办APP", review.QuerySelector("#application-summary")!.TextContent);
        Assert.Contains(package, review.Text());
        Assert.Contains("运行截图1", review.Text());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await own.Http.GetAsync($"/files/{screenshot}")).StatusCode);

        var (outsider, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/Police/Review/{applicationId}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/files/{screenshot}")).StatusCode);
        Assert.DoesNotContain("甬上茶事APP", (await outsider.GetAsync("/Police/Queue")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_interactive_app_needs_its_security_plan_and_a_passed_inspection_before_it_is_filed()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var fields = AppFlows.BasicInfo(AppFlows.UniquePackage());
        fields["BasicInfo.ProvidesInteractiveServices"] = "true";
        fields["BasicInfo.ServiceTypes"] = "InstantMessaging";
        var step2 = await AppFlows.StepTwoAsync(client);
        var refused = await client.SubmitAsync(step2, "下一步", fields, AppFlows.Screenshots());
        Assert.Contains("请上传信息网络安全保护方案", refused.FieldError("Uploads[SecurityPlan]"));

        var files = new Dictionary<string, TestUpload> { ["Uploads[SecurityPlan].File"] = new("安全保护方案.pdf", Uploads.TestFiles.Pdf(), "application/pdf") };
        var detail = await AppFlows.FileAppAsync(client, refused, [], files);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);

        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var claimed = await ReviewFlows.ClaimAsync(reviewer, applicationId);
        Assert.Contains("信息网络安全保护方案", claimed.Text());
        var notYet = await reviewer.SubmitAsync(claimed, "通过");
        Assert.Contains("交互式APP须经面审或实地检查合格后才能审核通过", notYet.QuerySelector(".validation-summary-errors")!.TextContent);
        var asked = await reviewer.SubmitAsync(notYet, "发送通知", new Dictionary<string, string>
        {
            ["Inspection.Kind"] = "OnSite",
            ["Inspection.Date"] = DateTime.UtcNow.AddHours(8).AddDays(3).ToString("yyyy-MM-dd"),
            ["Inspection.Time"] = "10:00",
            ["Inspection.Place"] = "杭州市西湖区文三路100号",
        });
        var recorded = await reviewer.SubmitAsync(asked, "记录结果", new Dictionary<string, string> { ["InspectionResult.Result"] = "Passed" });
        var approved = await reviewer.SubmitAsync(recorded, "通过");
        Assert.Equal("已通过", approved.QuerySelector("#application-status")!.TextContent);
    }

    [Fact]
    public async Task A_revoked_new_app_goes_back_to_the_drafts_and_cancelling_the_subject_cancels_its_filed_apps()
    {
        platform.RequireAvailable();
        var (client, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var revoked = await client.SubmitAsync(await AppFlows.FileAppAsync(client, AppFlows.UniquePackage()), "撤销申请");
        Assert.Contains("申请内容已保存到“我的草稿”", revoked.Text());
        var drafts = await client.GetAsync("/My/Drafts?type=NewApp");
        var link = drafts.QuerySelectorAll("a").First(a => a.TextContent == "详情").GetAttribute("href")!;
        Assert.StartsWith("/Apps/New?draft=", link);
        Assert.Equal("甬上茶事APP", (await client.GetAsync(link + "&step=2")).QuerySelector("input[name='BasicInfo.Name']")!.GetAttribute("value"));

        var app = await AppFlows.ApproveAsync(platform, await AppFlows.FileAppAsync(client, AppFlows.UniquePackage()));
        await platform.ScopedAsync(async s =>
        {
            var filing = s.GetRequiredService<AppService>();
            await filing.CancelAllOfAsync(subjectId, new RecordStep("reviewer", DateTime.UtcNow, "注销主体"), CancellationToken.None);
            return await s.GetRequiredService<BeianDbContext>().SaveChangesAsync();
        });
        Assert.Equal(FilingStatus.Cancelled, (await AppAsync(app.Id)).Status);
    }

    private Task<App> AppAsync(Guid id) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Apps.AsNoTracking().SingleAsync(a => a.Id == id));
}

public sealed class AppLifecycleTests_Sqlite(SqlitePlatform platform) : AppLifecycleTests(platform), IClassFixture<SqlitePlatform>;

public sealed class AppLifecycleTests_Postgres(PostgresPlatform platform) : AppLifecycleTests(platform), IClassFixture<PostgresPlatform>;
