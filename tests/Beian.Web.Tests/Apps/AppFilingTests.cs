using AngleSharp.Dom;
using Beian.Core.Filing;
using Beian.Web.Data;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Apps;

/// <summary>新办APP申请 (SPEC §5): the package read instead of typed hex, the checks next to their fields, the number of category 03.</summary>
public abstract class AppFilingTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_uploaded_apk_fills_the_package_name_signature_and_version_and_approval_issues_an_app_number()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var fields = AppFlows.BasicInfo("");
        foreach (var typed in new[] { "BasicInfo.Android.Identifier", "BasicInfo.Android.Fingerprint", "BasicInfo.Android.PublicKey", "BasicInfo.Versions[0].Platform",
                     "BasicInfo.Versions[0].Number", "BasicInfo.Versions[0].ReleasedOn" })
            fields[typed] = "";
        var files = AppFlows.Screenshots();
        files["Uploads[Package-Android].File"] = AppFlows.Apk();

        var read = await client.SubmitAsync(await AppFlows.StepTwoAsync(client), "读取安装包", fields, files);

        Assert.Contains("已从Android安装包读取包名、签名MD5、公钥、版本号", read.QuerySelector("[data-package-notice]")!.TextContent);
        Assert.Equal(AppFlows.SamplePackage, Value(read, "BasicInfo.Android.Identifier"));
        Assert.Equal(AppFlows.SampleMd5, Value(read, "BasicInfo.Android.Fingerprint"));
        Assert.StartsWith("B90224C2083B", read.QuerySelector("textarea[name='BasicInfo.Android.PublicKey']")!.TextContent);
        Assert.Equal(AppFlows.SampleVersion, Value(read, "BasicInfo.Versions[0].Number"));
        Assert.Equal("v2-rsa.apk", read.QuerySelector("[data-upload-field='Uploads[Package-Android]'] .upload-file-name")?.TextContent.Trim());

        var detail = await AppFlows.FileAppAsync(client, read, new Dictionary<string, string>(), []);
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Contains("新办APP", detail.Text());

        var app = await AppFlows.ApproveAsync(platform, detail);
        Assert.Equal(FilingStatus.Filed, app.Status);
        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms").Select(m => m.Body).ToList();
        Assert.Contains(sms, body => body.Contains($"新办APP申请（{app.Name}，申请编号") && body.Contains($"已审核通过，公安备案号：{app.NumberDisplay}") && body.Contains("关于"));
        var subjectMoves = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().RecordTransitions.AsNoTracking()
            .Where(t => t.RecordId == app.SubjectId).OrderBy(t => t.At).ToListAsync());
        Assert.Equal(["Submit", "Approve"], subjectMoves.Select(t => t.Action));
        Assert.Equal("reviewer", subjectMoves[^1].ActorUserId);
        Assert.Equal("03", app.NumberDigits![6..8]);
        Assert.Equal(AppFlows.SamplePackage, app.AndroidPackage);
        var mine = await client.GetAsync($"/My/Apps/{app.Id}");
        Assert.Equal("已备案", mine.QuerySelector("#record-status")!.TextContent);
        Assert.Contains(app.NumberDisplay!, mine.Text());
        Assert.Contains($"/Public/Record/{app.NumberDigits}", mine.QuerySelector("textarea")!.TextContent);
        Assert.Contains("Android 1.4.2", mine.QuerySelector("#app-versions")!.TextContent);
        var history = mine.QuerySelector("#record-history")!.TextContent;
        Assert.Contains("新办APP申请", history);
        Assert.Contains("已备案", history);
    }

    [Fact]
    public async Task A_fingerprint_that_is_not_the_packages_is_refused_next_to_it_and_what_was_typed_stays()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var fields = AppFlows.BasicInfo(AppFlows.SamplePackage);
        fields["BasicInfo.Android.Fingerprint"] = "00112233445566778899AABBCCDDEEFF";
        fields["BasicInfo.Versions[0].Number"] = AppFlows.SampleVersion;
        var files = AppFlows.Screenshots();
        files["Uploads[Package-Android].File"] = AppFlows.Apk();

        var page = await client.SubmitAsync(await AppFlows.StepTwoAsync(client), "下一步", fields, files);

        Assert.Contains($"与上传的安装包不一致：安装包签名证书的签名MD5为{AppFlows.SampleMd5}", page.FieldError("BasicInfo.Android.Fingerprint"));
        Assert.Equal("00112233445566778899AABBCCDDEEFF", Value(page, "BasicInfo.Android.Fingerprint"));
        Assert.Equal("甬上茶事APP", Value(page, "BasicInfo.Name"));
        Assert.Equal(3, page.QuerySelectorAll("#screenshots .upload-file-name").Length);
    }

    [Fact]
    public async Task An_unsigned_or_forged_package_is_refused_with_its_reason()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var step2 = await AppFlows.StepTwoAsync(client);
        var unsigned = await client.SubmitAsync(step2, "读取安装包", AppFlows.BasicInfo(AppFlows.UniquePackage()),
            new Dictionary<string, TestUpload> { ["Uploads[Package-Android].File"] = AppFlows.Apk("unsigned.apk") });
        Assert.Contains("未签名", unsigned.FieldError("Uploads[Package-Android]"));

        var forged = await client.SubmitAsync(step2, "读取安装包", AppFlows.BasicInfo(AppFlows.UniquePackage()),
            new Dictionary<string, TestUpload> { ["Uploads[Package-Android].File"] = new("app.apk", Uploads.TestFiles.Png(), "application/octet-stream") });
        Assert.Contains("不是有效的APK安装包", forged.FieldError("Uploads[Package-Android]"));

        var tampered = await client.SubmitAsync(step2, "读取安装包", AppFlows.BasicInfo(AppFlows.UniquePackage()),
            new Dictionary<string, TestUpload> { ["Uploads[Package-Android].File"] = AppFlows.Apk("tampered-v2-rsa.apk") });
        Assert.Contains("签名校验失败", tampered.FieldError("Uploads[Package-Android]"));
    }

    [Fact]
    public async Task A_package_name_filed_by_another_subject_is_refused()
    {
        platform.RequireAvailable();
        var package = AppFlows.UniquePackage();
        var (first, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        await AppFlows.ApproveAsync(platform, await AppFlows.FileAppAsync(first, package));

        var (second, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var page = await second.SubmitAsync(await AppFlows.StepTwoAsync(second), "下一步", AppFlows.BasicInfo(package), AppFlows.Screenshots());
        Assert.Contains("已由其他开办主体备案", page.FieldError("BasicInfo.Android.Identifier"));
    }

    [Fact]
    public async Task Another_applicant_cannot_post_to_any_handler_of_the_app()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var detail = await AppFlows.FileAppAsync(client, AppFlows.UniquePackage());
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var app = await AppFlows.ApproveAsync(platform, detail);

        var (stranger, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var token = (await stranger.GetAsync("/Apps/New?step=1")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in new[]
                 {
                     $"/Apps/Change?id={app.Id}", $"/Apps/Change?handler=Stay&id={app.Id}", $"/Apps/Cancel?id={app.Id}",
                     $"/Apps/Cancel?handler=SendCode&id={app.Id}", $"/Apps/Correct?application={applicationId}",
                     $"/Apps/Correct?handler=Stay&application={applicationId}", $"/My/ApplicationDetail/{applicationId}?handler=Revoke",
                 })
        {
            var response = await stranger.PostRawAsync(url, [new("__RequestVerificationToken", token), new("BasicInfo.Name", "冒名顶替"),
                new("MobileMiddle", "0000"), new("SmsCode", "000000"), new("Reason", "越权"), new("PrincipalName", "李明")]);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }
        var unchanged = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Apps.AsNoTracking().SingleAsync(a => a.Id == app.Id));
        Assert.Equal((FilingStatus.Filed, "甬上茶事APP", 0), (unchanged.Status, unchanged.Name,
            await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Applications.CountAsync(a => a.TargetId == app.Id && a.Id != applicationId))));
    }

    [Fact]
    public async Task Every_rule_of_step_two_is_shown_next_to_its_field()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var fields = AppFlows.BasicInfo("com.例子.app", name: "中国茶事");
        fields["BasicInfo.Introduction"] = "太短";
        fields["BasicInfo.Android.Fingerprint"] = "12345";
        fields["BasicInfo.Channels[0].Url"] = "ftp://example.com/app.apk";
        fields["BasicInfo.IcpNumber"] = "浙ICP备2026055717号-3";
        fields["BasicInfo.Versions[0].ReleasedOn"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");

        var page = await client.SubmitAsync(await AppFlows.StepTwoAsync(client), "下一步", fields, new Dictionary<string, TestUpload>
        {
            ["Uploads[Screenshot-1].File"] = TestUpload.Png(),
        });

        Assert.Contains("不得以“中国”“中华”“维权”等字头命名", page.FieldError("BasicInfo.Name"));
        Assert.Contains("功能介绍应为10至500个字", page.FieldError("BasicInfo.Introduction"));
        Assert.Contains("请上传3至5张APP运行截图，当前1张", page.FieldError("BasicInfo.ScreenshotFiles"));
        Assert.Contains("包名格式不正确", page.FieldError("BasicInfo.Android.Identifier"));
        Assert.Contains("签名MD5应为32位十六进制字符", page.FieldError("BasicInfo.Android.Fingerprint"));
        Assert.Contains("发布日期不能晚于今天", page.QuerySelector("#versions")!.TextContent);
        Assert.Contains("下载地址应为以http://或https://开头的完整网址", page.QuerySelector("#channels")!.TextContent);
        Assert.Contains("工信部APP备案号格式不正确", page.FieldError("BasicInfo.IcpNumber"));
        Assert.Equal("中国茶事", Value(page, "BasicInfo.Name"));
    }

    private static string? Value(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        page.QuerySelector($"input[name='{name}']")?.GetAttribute("value");
}

public sealed class AppFilingTests_Sqlite(SqlitePlatform platform) : AppFilingTests(platform), IClassFixture<SqlitePlatform>;

public sealed class AppFilingTests_Postgres(PostgresPlatform platform) : AppFilingTests(platform), IClassFixture<PostgresPlatform>;
