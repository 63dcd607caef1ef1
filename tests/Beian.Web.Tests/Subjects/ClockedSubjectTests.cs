using Beian.Core.Applications;
using Beian.Web.Data;
using Beian.Web.Features.Drafts;
using Beian.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Subjects;

/// <summary>Rules that depend on time, with the platform's clock in the test's hand.</summary>
public sealed class ClockedSubjectTests(ClockedSubjectTests.ClockedPlatform platform) : IClassFixture<ClockedSubjectTests.ClockedPlatform>
{
    public sealed class ClockedPlatform : SqlitePlatform
    {
        public ManualClock Clock { get; } = new(DateTime.UtcNow);

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    [Fact]
    public async Task Revoking_is_refused_more_than_30_minutes_after_submission()
    {
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var detail = await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile()), SubjectForms.AllFiles());
        var path = new Uri(detail.Url).PathAndQuery;

        platform.Clock.Advance(TimeSpan.FromMinutes(31));
        using var later = platform.NewClient();
        await Applicants.LoginAsync(later, applicant.UserName, applicant.Password);
        var page = await later.GetAsync(path);
        Assert.Equal("待审核", page.QuerySelector("#application-status")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent == "撤销申请");

        // A revoke posted anyway (a stale tab, a script) is refused with the reason.
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var response = await later.PostRawAsync(path + "?handler=Revoke", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("申请提交已超过30分钟，不能撤销", html);
        var after = await later.GetAsync(path);
        Assert.Equal("待审核", after.QuerySelector("#application-status")!.TextContent);
    }

    [Fact]
    public async Task Step_one_of_a_website_tells_a_waiting_subject_how_to_edit_it_instead_of_pointing_to_change()
    {
        var (client, applicant) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        var detail = await client.SubmitAsync(form, "提交审核", SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile()), SubjectForms.AllFiles());
        var applicationPath = new Uri(detail.Url).AbsolutePath;

        var step1 = await client.GetAsync("/Websites/New?step=1");
        var advice = step1.QuerySelector("#subject-edit-advice")!;
        Assert.Null(advice.QuerySelector("a[href='/Subjects/Change']"));
        Assert.Contains("撤销申请", advice.TextContent);
        Assert.Equal(applicationPath, advice.QuerySelector("a")!.GetAttribute("href"));

        platform.Clock.Advance(TimeSpan.FromMinutes(31));
        using var again = platform.NewClient();
        await Applicants.LoginAsync(again, applicant.UserName, applicant.Password);
        var later = (await again.GetAsync("/Websites/New?step=1")).QuerySelector("#subject-edit-advice")!;
        Assert.Null(later.QuerySelector("a[href='/Subjects/Change']"));
        Assert.Contains("不能撤销", later.TextContent);
        Assert.Contains("修改后重新提交", later.TextContent);
    }

    [Fact]
    public async Task Drafts_not_updated_for_30_days_are_deleted()
    {
        var (client, _) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var form = await client.GetAsync("/Subjects/New?fresh=true");
        await client.SubmitAsync(form, "保存草稿", new Dictionary<string, string> { ["Form.Principal.Name"] = "过期草稿" });

        platform.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await platform.ScopedAsync(s => s.GetRequiredService<DraftService>().PurgeExpiredAsync()));
        platform.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await platform.ScopedAsync(s => s.GetRequiredService<DraftService>().PurgeExpiredAsync()) >= 1);
        var left = await platform.ScopedAsync(s => s.GetRequiredService<BeianDbContext>().Drafts.CountAsync(d => d.BusinessType == BusinessType.NewSubject && d.Title == "过期草稿"));
        Assert.Equal(0, left);
    }
}
