using AngleSharp.Dom;
using Beian.Core.Filing;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.MiniPrograms;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Beian.Web.Tests.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.MiniPrograms;

/// <summary>小程序业务 (SPEC §5) on the shared machinery: filed, reviewed and numbered, changed with a new version, cancelled, and kept to its owner and county.</summary>
public abstract class MiniProgramFilingTests(PlatformFixture platform)
{
    private const string Xihu = "330106";
    private const string Binjiang = "330108";

    [Fact]
    public async Task A_wechat_mini_program_is_filed_reviewed_by_its_county_and_numbered_in_category_04()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var appId = MiniProgramFlows.UniqueWeChatId();

        var detail = await MiniProgramFlows.FileAsync(client, appId);
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Contains("新办小程序", detail.Text());

        var (reviewer, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var review = await ReviewFlows.ReviewPageAsync(reviewer, applicationId);
        Assert.Contains("新办小程序", review.QuerySelector("#application-summary")!.TextContent);
        Assert.Contains("小程序基本信息", review.Text());
        Assert.Contains(appId, review.Text());
        Assert.Contains("浙ICP备2026055717号-5X", review.Text());
        var approved = await reviewer.SubmitAsync(await ReviewFlows.ClaimAsync(reviewer, applicationId), "通过");
        Assert.Equal("已通过", approved.QuerySelector("#application-status")!.TextContent);

        var miniProgram = await MiniProgramAsync(appId);
        Assert.Equal(FilingStatus.Filed, miniProgram.Status);
        Assert.Equal("04", miniProgram.NumberDigits![6..8]);
        Assert.Equal("微信", miniProgram.PlatformName);
        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms").Select(m => m.Body).ToList();
        Assert.Contains(sms, body => body.Contains("新办小程序申请（甬上茶事小程序，申请编号") && body.Contains($"已审核通过，公安备案号：{miniProgram.NumberDisplay}") && body.Contains("小程序"));

        var mine = await client.GetAsync($"/My/MiniPrograms/{miniProgram.Id}");
        Assert.Equal("已备案", mine.QuerySelector("#record-status")!.TextContent);
        Assert.Contains("小程序公安机关备案号", mine.Text());
        Assert.Contains($"/Public/Record/{miniProgram.NumberDigits}", mine.QuerySelector("textarea")!.TextContent);
        Assert.Contains("1.0.3", mine.QuerySelector("#mp-versions")!.TextContent);
        Assert.Contains(miniProgram.NumberDisplay!, (await client.GetAsync("/My/MiniPrograms")).Text());
        Assert.Contains("甬上茶事小程序", (await client.GetAsync("/Home/Applicant")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task An_app_id_not_in_its_platforms_shape_is_refused_next_to_it_and_what_was_typed_stays()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var step2 = await MiniProgramFlows.StepTwoAsync(client);
        foreach (var (platformName, appId, expected) in new[]
                 {
                     ("WeChat", "wx12345", "AppID格式不正确"),
                     ("Alipay", "wx1234567890abcdef", "AppID格式不正确"),
                     ("Douyin", "tt12", "AppID格式不正确"),
                     ("QuickApp", "1com.example", "包名格式不正确"),
                 })
        {
            var fields = MiniProgramFlows.BasicInfo(appId);
            fields["BasicInfo.Platform"] = platformName;
            var page = await client.SubmitAsync(step2, "下一步", fields);
            Assert.Contains(expected, page.FieldError("BasicInfo.AppId"));
            Assert.Equal(appId, page.QuerySelector("input[name='BasicInfo.AppId']")!.GetAttribute("value"));
            Assert.Equal("甬上茶事小程序", page.QuerySelector("input[name='BasicInfo.Name']")!.GetAttribute("value"));
            Assert.Equal(platformName, page.QuerySelector("select[name='BasicInfo.Platform'] option[selected]")!.GetAttribute("value"));
        }

        var other = MiniProgramFlows.BasicInfo("jd-mini-00123");
        other["BasicInfo.Platform"] = "Other";
        Assert.Equal("请填写平台名称", (await client.SubmitAsync(step2, "下一步", other)).FieldError("BasicInfo.PlatformName"));

        var icp = MiniProgramFlows.BasicInfo(MiniProgramFlows.UniqueWeChatId());
        icp["BasicInfo.IcpNumber"] = "浙ICP备2026055717号-5A";
        Assert.Contains("工信部备案号格式不正确", (await client.SubmitAsync(step2, "下一步", icp)).FieldError("BasicInfo.IcpNumber"));

        var interactive = MiniProgramFlows.BasicInfo(MiniProgramFlows.UniqueWeChatId());
        interactive["BasicInfo.ProvidesInteractiveServices"] = "true";
        interactive["BasicInfo.ServiceTypes"] = "InstantMessaging";
        Assert.Contains("请上传信息网络安全保护方案", (await client.SubmitAsync(step2, "下一步", interactive)).FieldError("Uploads[SecurityPlan]"));
    }

    [Fact]
    public async Task An_app_id_filed_by_another_subject_is_refused_and_the_same_id_on_another_platform_is_not()
    {
        platform.RequireAvailable();
        var (first, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var appId = MiniProgramFlows.UniqueWeChatId();
        await MiniProgramFlows.FileAsync(first, appId);

        var (second, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var refused = await second.SubmitAsync(await MiniProgramFlows.StepTwoAsync(second), "下一步", MiniProgramFlows.BasicInfo(appId.ToUpperInvariant()));
        Assert.Contains("已由其他开办主体备案", refused.FieldError("BasicInfo.AppId"));

        var elsewhere = MiniProgramFlows.BasicInfo(appId);
        elsewhere["BasicInfo.Platform"] = "Other";
        elsewhere["BasicInfo.PlatformName"] = "京东小程序";
        await MiniProgramFlows.FileAsync(second, elsewhere);
    }

    [Fact]
    public async Task A_new_version_is_added_through_a_change_and_the_mini_program_is_cancelled_with_an_sms_code()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var miniProgram = await MiniProgramFlows.ApproveAsync(platform, await MiniProgramFlows.FileAsync(client, MiniProgramFlows.UniqueWeChatId()));

        var form = await client.GetAsync($"/MiniPrograms/Change?id={miniProgram.Id}");
        var detail = await client.SubmitAsync(form, "提交", new Dictionary<string, string>
        {
            ["BasicInfo.Versions[1].Number"] = "1.1.0",
            ["BasicInfo.Versions[1].ReleasedOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["BasicInfo.Versions[1].Notes"] = "新增茶馆预约",
        });
        Assert.Contains("1.1.0", detail.QuerySelector("#change-table")!.TextContent);
        Assert.Equal(FilingStatus.Changing, (await MiniProgramAsync(miniProgram.AppId!)).Status);
        await MiniProgramFlows.ApproveAsync(platform, detail);
        var versions = (await client.GetAsync($"/My/MiniPrograms/{miniProgram.Id}")).QuerySelector("#mp-versions")!.TextContent;
        Assert.Contains("1.1.0", versions);
        Assert.Contains("新增茶馆预约", versions);

        await MiniProgramFlows.CancelAsync(platform, client, miniProgram);
        Assert.Equal(FilingStatus.Cancelled, (await MiniProgramAsync(miniProgram.AppId!)).Status);
        Assert.Contains((await OutboxReader.MessagesAsync(platform)), m => m.Channel == "Sms" && m.Body.Contains("注销小程序"));
    }

    [Fact]
    public async Task Another_applicant_and_another_county_can_neither_see_nor_act_on_the_mini_program()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var appId = MiniProgramFlows.UniqueWeChatId();
        var detail = await MiniProgramFlows.FileAsync(client, appId);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var miniProgram = await MiniProgramAsync(appId);

        var (stranger, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        foreach (var path in new[] { $"/My/MiniPrograms/{miniProgram.Id}", $"/MiniPrograms/Change?id={miniProgram.Id}", $"/MiniPrograms/Cancel?id={miniProgram.Id}",
                     $"/My/ApplicationDetail/{applicationId}", $"/MiniPrograms/Correct?application={applicationId}" })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await stranger.Http.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(appId, (await stranger.GetAsync("/My/MiniPrograms")).Text());

        var (outsider, _) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Binjiang);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/Police/Review/{applicationId}")).StatusCode);
        Assert.DoesNotContain("甬上茶事小程序", (await outsider.GetAsync("/Police/Queue")).QuerySelector("main")!.TextContent);

        var drafts = await client.GetAsync("/My/Applications?type=NewMiniProgram");
        Assert.Contains("甬上茶事小程序", drafts.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("甬上茶事小程序", (await client.GetAsync("/My/Applications?type=NewApp")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_draft_saved_on_step_two_is_listed_under_its_type_and_reopens_with_what_was_typed()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var appId = MiniProgramFlows.UniqueWeChatId();
        var fields = MiniProgramFlows.BasicInfo(appId, name: "草稿里的小程序");
        fields["BasicInfo.Introduction"] = "太短";

        var saved = await client.SubmitAsync(await MiniProgramFlows.StepTwoAsync(client), "保存草稿", fields);
        Assert.Contains("草稿", saved.Text());
        var drafts = await client.GetAsync("/My/Drafts?type=NewMiniProgram");
        Assert.Contains("草稿里的小程序", drafts.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("草稿里的小程序", (await client.GetAsync("/My/Drafts?type=NewApp")).QuerySelector("main")!.TextContent);
        var link = drafts.QuerySelectorAll("a").First(a => a.TextContent == "详情").GetAttribute("href")!;
        Assert.StartsWith("/MiniPrograms/New?draft=", link);
        var reopened = await client.GetAsync(link + "&step=2");
        Assert.Equal(appId, reopened.QuerySelector("input[name='BasicInfo.AppId']")!.GetAttribute("value"));
        Assert.Equal("太短", reopened.QuerySelector("textarea[name='BasicInfo.Introduction']")!.TextContent);
    }

    private Task<MiniProgram> MiniProgramAsync(string appId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().MiniPrograms.AsNoTracking().SingleAsync(m => m.AppId == appId));
}

public sealed class MiniProgramFilingTests_Sqlite(SqlitePlatform platform) : MiniProgramFilingTests(platform), IClassFixture<SqlitePlatform>;

public sealed class MiniProgramFilingTests_Postgres(PostgresPlatform platform) : MiniProgramFilingTests(platform), IClassFixture<PostgresPlatform>;
