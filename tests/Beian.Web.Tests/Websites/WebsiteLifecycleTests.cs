using Beian.Core.Filing;
using AngleSharp.Dom;
using Beian.Core.Websites;
using Beian.Web.Data;
using Beian.Web.Features.Websites;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Beian.Web.Tests.Websites;

/// <summary>变更网站 and 注销网站 (seed 004 §4.2.2–4.2.3), with the liveness probe in the test's hand.</summary>
public abstract class WebsiteLifecycleTests(PlatformFixture platform, FakeProbe probe)
{
    [Fact]
    public async Task A_change_is_reviewed_and_applied_and_a_second_one_waits()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var domain = $"chg{Guid.NewGuid():N}"[..12] + ".com";
        var (websiteId, number) = await WebsiteFlows.ApproveAsync(platform, await WebsiteFlows.FileWebsiteAsync(client, domain));

        var list = await client.GetAsync("/Websites/Change");
        Assert.Contains(domain, list.Text());
        var form = await client.GetAsync($"/Websites/Change?id={websiteId}");
        var detail = await client.SubmitAsync(form, "提交", new Dictionary<string, string> { ["BasicInfo.Name"] = "小米科技新官网" });
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Equal(FilingStatus.Changing, await StatusAsync(websiteId));
        var changes = detail.QuerySelector("#change-table")!.TextContent;
        Assert.Contains("网站名称", changes);
        Assert.Contains("小米科技官方网站", changes);
        Assert.Contains("小米科技新官网", changes);
        Assert.DoesNotContain("主域名", changes);

        await WebsiteFlows.ApproveAsync(platform, detail);
        var mine = await client.GetAsync($"/My/Websites/{websiteId}");
        Assert.Contains("小米科技新官网", mine.Text());
        var notice = $"您的变更网站申请（小米科技官方网站，申请编号{detail.QuerySelector("main dl dd")!.TextContent.Trim()}）已审核通过，公安备案号{number}不变";
        Assert.Contains(await OutboxReader.MessagesAsync(platform), m => m.Channel == "Sms" && m.Body.Contains(notice));
        Assert.Equal("已备案", mine.QuerySelector("#record-status")!.TextContent);
    }

    [Fact]
    public async Task A_site_that_still_answers_cannot_be_cancelled_and_a_closed_one_can()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var domain = $"cnl{Guid.NewGuid():N}"[..12] + ".com";
        var (websiteId, _) = await WebsiteFlows.ApproveAsync(platform, await WebsiteFlows.FileWebsiteAsync(client, domain));
        var form = await client.GetAsync($"/Websites/Cancel?id={websiteId}");
        var principal = await platform.ScopedAsync(s => Task.FromResult(s.GetRequiredService<WebsiteService>()
            .Read(s.GetRequiredService<BeianDbContext>().Websites.Single(w => w.Id == websiteId)).People.Principal));
        var middle = principal.Mobile!.Substring(3, 4);

        var sent = await client.SubmitAsync(form, "发送验证码", new Dictionary<string, string> { ["MobileMiddle"] = middle });
        var code = await OutboxReader.LatestSmsCodeAsync(platform, principal.Mobile!);
        var fields = new Dictionary<string, string>
        {
            ["PrincipalName"] = principal.Name!, ["MobileMiddle"] = middle, ["SmsCode"] = code, ["Reason"] = "网站已停止运营",
        };

        probe.Answering = true;
        var refused = await client.SubmitAsync(sent, "确认", fields);
        Assert.Contains("只有已关闭的网站才能注销", refused.Text());
        Assert.Equal(FilingStatus.Filed, await StatusAsync(websiteId));

        probe.Answering = false;
        var detail = await client.SubmitAsync(refused, "确认", fields);
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        Assert.Contains("网站已无法访问", detail.Text());
        await WebsiteFlows.ApproveAsync(platform, detail);
        Assert.Equal(FilingStatus.Cancelled, await StatusAsync(websiteId));
    }

    [Fact]
    public async Task Another_applicant_can_neither_see_nor_change_nor_cancel_the_website()
    {
        platform.RequireAvailable();
        var (client, _) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var domain = $"own{Guid.NewGuid():N}"[..12] + ".com";
        var (websiteId, _) = await WebsiteFlows.ApproveAsync(platform, await WebsiteFlows.FileWebsiteAsync(client, domain));

        var (stranger, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        foreach (var path in new[] { $"/My/Websites/{websiteId}", $"/Websites/Change?id={websiteId}", $"/Websites/Cancel?id={websiteId}" })
        {
            await stranger.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, stranger.LastResponse!.StatusCode);
        }
        var list = await stranger.GetAsync("/My/Websites");
        Assert.DoesNotContain(domain, list.Text());
    }

    private Task<FilingStatus> StatusAsync(Guid websiteId) =>
        platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Websites.AsNoTracking()
            .Where(w => w.Id == websiteId).Select(w => w.Status).SingleAsync());
}

public sealed class FakeProbe : IWebsiteProbe
{
    public bool Answering { get; set; }

    public Task<ProbeResult> CheckAsync(string domain, CancellationToken cancellationToken) =>
        Task.FromResult(Answering
            ? new ProbeResult(ProbeOutcome.Answering, "网站仍可访问（HTTP 200）")
            : new ProbeResult(ProbeOutcome.NotAnswering, "网站已无法访问"));
}

public sealed class ProbedSqlitePlatform : SqlitePlatform
{
    public FakeProbe Probe { get; } = new();
    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IWebsiteProbe>(Probe));
}

public sealed class ProbedPostgresPlatform : PostgresPlatform
{
    public FakeProbe Probe { get; } = new();
    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IWebsiteProbe>(Probe));
}

public sealed class WebsiteLifecycleTests_Sqlite(ProbedSqlitePlatform platform)
    : WebsiteLifecycleTests(platform, platform.Probe), IClassFixture<ProbedSqlitePlatform>;

public sealed class WebsiteLifecycleTests_Postgres(ProbedPostgresPlatform platform)
    : WebsiteLifecycleTests(platform, platform.Probe), IClassFixture<ProbedPostgresPlatform>;

/// <summary>An approved 注销主体 cancels every website, APP and 小程序 of the subject with it (SPEC §3).</summary>
public abstract class SubjectCancellationCascadeTests(PlatformFixture platform)
{
    [Fact]
    public async Task Cancelling_the_subject_cancels_its_filed_website_app_and_mini_program_and_takes_them_off_the_public_query()
    {
        platform.RequireAvailable();
        var (client, subjectId) = await WebsiteFlows.ApprovedSubjectAsync(platform);
        var domain = $"cas{Guid.NewGuid():N}"[..12] + ".com";
        var (websiteId, _) = await WebsiteFlows.ApproveAsync(platform, await WebsiteFlows.FileWebsiteAsync(client, domain));
        var app = await Apps.AppFlows.ApproveAsync(platform, await Apps.AppFlows.FileAppAsync(client, Apps.AppFlows.UniquePackage()));
        var miniProgram = await MiniPrograms.MiniProgramFlows.ApproveAsync(platform,
            await MiniPrograms.MiniProgramFlows.FileAsync(client, MiniPrograms.MiniProgramFlows.UniqueWeChatId()));
        using var visitor = platform.NewClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await visitor.Http.GetAsync($"/api/public/miniprograms/{miniProgram.NumberDigits}")).StatusCode);

        var mobile = await platform.ScopedAsync(s => Task.FromResult(s.GetRequiredService<Beian.Web.Features.Subjects.SubjectService>()
            .Read(s.GetRequiredService<BeianDbContext>().Subjects.Single(x => x.Id == subjectId)).Principal.Mobile!));
        var form = await client.GetAsync($"/Subjects/Cancel?subject={subjectId}");
        var sent = await client.SubmitAsync(form, "获取验证码", new Dictionary<string, string> { ["MobileMiddle"] = mobile.Substring(3, 4) });
        var code = await OutboxReader.LatestSmsCodeAsync(platform, mobile);
        var detail = await client.SubmitAsync(sent, "注销", new Dictionary<string, string>
        {
            ["PrincipalName"] = "李明", ["MobileMiddle"] = mobile.Substring(3, 4), ["SmsCode"] = code, ["Reason"] = "公司业务调整",
        });
        Assert.Equal("待审核", detail.QuerySelector("#application-status")!.TextContent);
        var applicationId = Guid.Parse(new Uri(detail.Url).Segments[^1]);
        var approved = await platform.ScopedAsync(s => s.GetRequiredService<Beian.Web.Features.Applications.ApplicationService>().ApproveAsync(applicationId, "reviewer"));
        Assert.True(approved.Succeeded, approved.Error);

        var statuses = await platform.ScopedAsync(async s =>
        {
            var db = s.GetRequiredService<BeianDbContext>();
            return new[]
            {
                await db.Websites.Where(w => w.Id == websiteId).Select(w => w.Status).SingleAsync(),
                await db.Apps.Where(a => a.Id == app.Id).Select(a => a.Status).SingleAsync(),
                await db.MiniPrograms.Where(m => m.Id == miniProgram.Id).Select(m => m.Status).SingleAsync(),
            };
        });
        Assert.All(statuses, status => Assert.Equal(FilingStatus.Cancelled, status));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/api/public/apps/{app.NumberDigits}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.Http.GetAsync($"/api/public/miniprograms/{miniProgram.NumberDigits}")).StatusCode);
        Assert.Contains("已注销", (await visitor.GetAsync($"/Public/Record/{miniProgram.NumberDigits}")).QuerySelector("#public-record")!.TextContent);
    }
}

public sealed class SubjectCancellationCascadeTests_Sqlite(SqlitePlatform platform) : SubjectCancellationCascadeTests(platform), IClassFixture<SqlitePlatform>;

public sealed class SubjectCancellationCascadeTests_Postgres(PostgresPlatform platform) : SubjectCancellationCascadeTests(platform), IClassFixture<PostgresPlatform>;
