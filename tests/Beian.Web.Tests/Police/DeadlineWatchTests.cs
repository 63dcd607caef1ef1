using System.Text;
using Beian.Core.Applications;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Police;
using Beian.Web.Features.Police.Deadlines;
using Beian.Web.Features.Unfiled;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Subjects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Beian.Web.Tests.Police;

/// <summary>
/// The deadline watch: reviewers are warned once of 即将到期 and once of 已超期 applications, and
/// 未备案网站 or offline filings left past their deadline are marked 关停风险 for the importing unit.
/// </summary>
public abstract class DeadlineWatchTests(PlatformFixture platform, ManualClock clock)
{
    [Fact]
    public async Task Reviewers_are_warned_once_of_nearly_due_and_once_of_overdue_applications()
    {
        platform.RequireAvailable();
        var unit = "330110";
        var reviewer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, unit);
        var colleague = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, unit);
        var nearly = await SeededApplications.SubmitAsync(platform, unit, BusinessType.NewWebsite, await SubmittedSoThatAsync(d => d.NearlyDue));
        var overdue = await SeededApplications.SubmitAsync(platform, unit, BusinessType.NewWebsite, await SubmittedSoThatAsync(d => d.Overdue));
        var claimedOverdue = await SeededApplications.SubmitAsync(platform, unit, BusinessType.ChangeWebsite, await SubmittedSoThatAsync(d => d.Overdue));
        await platform.ScopedAsync(s => s.GetRequiredService<ApplicationService>().ClaimAsync(claimedOverdue.Id, reviewer.UserId));
        var fresh = await SeededApplications.SubmitAsync(platform, unit, BusinessType.NewWebsite, clock.Now);

        var first = await RunAsync();
        Assert.True(first.Ran);
        var toReviewer = await MessagesOfAsync(reviewer.UserId);
        var toColleague = await MessagesOfAsync(colleague.UserId);
        Assert.Contains(toReviewer, m => m.Title == "申请即将到期" && m.Body.Contains(nearly.Number));
        Assert.Contains(toReviewer, m => m.Title == "申请已超期" && m.Body.Contains(overdue.Number));
        Assert.Contains(toReviewer, m => m.Title == "申请已超期" && m.Body.Contains(claimedOverdue.Number));
        Assert.Contains(toColleague, m => m.Body.Contains(overdue.Number));
        Assert.DoesNotContain(toColleague, m => m.Body.Contains(claimedOverdue.Number));
        Assert.DoesNotContain(toReviewer.Concat(toColleague), m => m.Body.Contains(fresh.Number));

        await RunAsync();
        Assert.Equal(toReviewer.Count, (await MessagesOfAsync(reviewer.UserId)).Count);

        // Days later the nearly-due one is overdue: one more warning, and only that one.
        clock.Advance(TimeSpan.FromDays(7));
        await RunAsync();
        var later = await MessagesOfAsync(reviewer.UserId);
        Assert.Single(later, m => m.Title == "申请已超期" && m.Body.Contains(nearly.Number));
        Assert.Single(later, m => m.Title == "申请已超期" && m.Body.Contains(overdue.Number));
    }

    [Fact]
    public async Task Two_nodes_running_at_once_warn_once()
    {
        platform.RequireAvailable();
        var unit = "330111";
        var reviewer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, unit);
        var overdue = await SeededApplications.SubmitAsync(platform, unit, BusinessType.NewWebsite, await SubmittedSoThatAsync(d => d.Overdue));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunAsync()));
        Assert.Contains(runs, r => r.Ran);
        Assert.Single(await MessagesOfAsync(reviewer.UserId), m => m.Body.Contains(overdue.Number));
    }

    [Fact]
    public async Task Unfiled_sites_and_unclaimed_filings_past_their_deadline_are_at_shutdown_risk()
    {
        platform.RequireAvailable();
        var unit = "330112";
        var (owner, ownerAccount) = await Applicants.RegisteredAndLoggedInAsync(platform);
        var subject = await owner.SubmitAsync(await owner.GetAsync("/Subjects/New?fresh=true"), "提交审核",
            SubjectForms.Organisation(mobile: SubjectForms.UniqueMobile()), SubjectForms.AllFiles());
        Assert.StartsWith("/My/ApplicationDetail", subject.PathOf());
        var officer = await StaffAccounts.CreateAsync(platform, Roles.Reviewer, unit);
        var today = BeijingTime.DateOf(clock.GetUtcNow());
        var domain = $"risk-{Guid.NewGuid():N}"[..16] + ".example.com";
        await ImportAsync(officer, UnfiledImportKind.UnfiledSites, string.Join("\r\n",
            "域名,IP,接入服务商,发现日期,整改期限,主体证件号码",
            $"{domain},203.0.113.20,阿里云,{today.AddDays(-10):yyyy-MM-dd},{today.AddDays(2):yyyy-MM-dd},{SubjectForms.CreditCode}",
            $"later-{domain},203.0.113.21,阿里云,{today.AddDays(-10):yyyy-MM-dd},{today.AddDays(60):yyyy-MM-dd},{SubjectForms.CreditCode}"));
        var number = "33011202" + Random.Shared.Next(100000, 999999);
        await ImportAsync(officer, UnfiledImportKind.OfflineFilings, string.Join("\r\n",
            "公安备案号,网站名称,域名,开办者名称,主体证件号码,备案日期",
            $"浙公网安备{number}号,风险测试网站,claim-{domain},杭州风险测试有限公司,{SubjectForms.CreditCode},2019-03-01"));

        Assert.Equal(new DeadlineWatchResult(true, 0, 0, 0), await RunAsync());

        clock.Advance(TimeSpan.FromDays(3));
        var flagged = await RunAsync();
        Assert.Equal(1, flagged.UnfiledFlagged);
        Assert.Equal(0, flagged.ClaimsFlagged);
        var site = await InDatabaseAsync(db => db.Set<UnfiledSite>().AsNoTracking().SingleAsync(s => s.Domain == domain));
        Assert.Equal(BeijingTime.DateOf(clock.GetUtcNow()), site.ShutdownRiskSince);
        Assert.Null((await InDatabaseAsync(db => db.Set<UnfiledSite>().AsNoTracking().SingleAsync(s => s.Domain == "later-" + domain))).ShutdownRiskSince);
        var sms = (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms" && m.Recipient == ownerAccount.Mobile).ToList();
        Assert.Contains(sms, m => m.Body.Contains(domain) && m.Body.Contains("关停风险"));
        Assert.Contains(await MessagesOfAsync(officer.UserId), m => m.Title == "未备案网站关停风险");
        Assert.Equal(1, await InDatabaseAsync(db => db.AuditRecords.CountAsync(r => r.Action == "FlagShutdownRisk" && r.ObjectId == site.Id.ToString())));

        clock.Advance(TimeSpan.FromDays(30));
        var claims = await RunAsync();
        Assert.Equal(1, claims.ClaimsFlagged);
        Assert.Equal(0, claims.UnfiledFlagged);
        var filing = await InDatabaseAsync(db => db.Set<OfflineFiling>().AsNoTracking().SingleAsync(f => f.NumberDigits == number));
        Assert.NotNull(filing.ShutdownRiskSince);

        using var reviewer = await PoliceLogin.AsAsync(platform, officer);
        var imports = await reviewer.GetAsync("/Police/Imports");
        Assert.Contains("关停风险", imports.QuerySelector("#imported-records")!.TextContent);
        var workbench = await reviewer.GetAsync("/Police");
        Assert.Contains("关停风险网站", workbench.QuerySelector("#workbench")!.TextContent);
    }

    /// <summary>A submission time (whole days back from now) whose deadline today is as asked.</summary>
    private Task<DateTime> SubmittedSoThatAsync(Func<Deadline, bool> wanted) =>
        platform.ScopedAsync(services =>
        {
            var deadlines = services.GetRequiredService<ReviewDeadlines>();
            for (var days = 1; days < 90; days++)
            {
                var submitted = clock.Now.AddDays(-days);
                var probe = FilingApplication.Submit("probe", BusinessType.NewWebsite, Guid.Empty, null, "probe", "330110", Guid.NewGuid(), submitted);
                if (wanted(deadlines.For(probe, ReviewDeadlines.DefaultLimit))) return Task.FromResult(submitted);
            }
            throw new InvalidOperationException("No such submission day within 90 days");
        });

    private Task<DeadlineWatchResult> RunAsync() =>
        platform.ScopedAsync(s => s.GetRequiredService<DeadlineWatch>().RunAsync(JobHolder()));

    private static string JobHolder() => $"test:{Guid.NewGuid():N}";

    private Task<List<Features.Messages.SiteMessage>> MessagesOfAsync(string userId) =>
        InDatabaseAsync(db => db.SiteMessages.AsNoTracking().Where(m => m.UserId == userId).ToListAsync());

    private Task<T> InDatabaseAsync<T>(Func<BeianDbContext, Task<T>> read) =>
        platform.ScopedAsync(s => read(s.GetRequiredService<BeianDbContext>()));

    private Task ImportAsync(StaffAccount officer, UnfiledImportKind kind, string csv) =>
        platform.ScopedAsync(async s =>
        {
            var account = await s.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(officer.UserId);
            var bytes = Encoding.UTF8.GetBytes(csv);
            var batch = await s.GetRequiredService<UnfiledImportService>().ImportAsync(kind, "import.csv", bytes, account!);
            Assert.True(batch.FailureCount == 0, batch.FailuresJson);
            return batch;
        });
}

public sealed class DeadlineWatchTests_Sqlite(ClockedSqlitePlatform platform) : DeadlineWatchTests(platform, platform.Clock), IClassFixture<ClockedSqlitePlatform>;

public sealed class DeadlineWatchTests_Postgres(ClockedPostgresPlatform platform) : DeadlineWatchTests(platform, platform.Clock), IClassFixture<ClockedPostgresPlatform>;
