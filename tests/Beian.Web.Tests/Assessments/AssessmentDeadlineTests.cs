using Beian.Core.Assessments;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Assessments;
using Beian.Web.Features.Police.Deadlines;
using Beian.Web.Tests.Infrastructure;
using Beian.Web.Tests.Police;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Beian.Web.Tests.Assessments.AssessmentFlows;

namespace Beian.Web.Tests.Assessments;

/// <summary>
/// The deadline of a 待评估: the filer is warned once when it is nearly due and once when it is past due, however many
/// nodes run the watch at once; then it is 已超期 for the police, and the officer who required it is told.
/// </summary>
public abstract class AssessmentDeadlineTests(PlatformFixture platform, ManualClock clock)
{
    [Fact]
    public async Task A_requirement_warns_its_filer_once_nearly_due_and_once_overdue_across_nodes_and_is_flagged_for_the_police()
    {
        platform.RequireAvailable();
        var filed = await FiledWebsiteAsync(platform);
        var website = await ReviewFlows.InDatabaseAsync(platform, db => db.Websites.AsNoTracking().SingleAsync(w => w.MainDomain == filed.Domain));
        var (officer, account) = await PoliceLogin.OfficerAsync(platform, Roles.Reviewer, Xihu);
        await officer.SubmitAsync(await officer.GetAsync($"/Police/Assessments/Require?number={website.NumberDigits}"), "提交要求",
            new Dictionary<string, string> { ["Reason"] = "发生违法有害信息传播", ["Trigger"] = nameof(AssessmentTrigger.Incident), ["WorkingDays"] = "5" });
        var required = await ReviewFlows.InDatabaseAsync(platform, db => db.Set<Assessment>().AsNoTracking().SingleAsync(a => a.RequiredRecordId == website.Id));

        await RunOnNodesAsync();
        Assert.Empty(await SmsAsync(filed.Account.Mobile, "安全评估即将到期"));

        // Day by day, as the watch would find it, until the deadline has passed.
        for (var day = 0; day < 30 && BeijingToday() <= required.DueOn; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            await RunOnNodesAsync();
        }
        Assert.Single(await SmsAsync(filed.Account.Mobile, "即将到期"));
        Assert.Single(await SmsAsync(filed.Account.Mobile, "现已超期"));
        var toOfficer = await ReviewFlows.InDatabaseAsync(platform, db => db.SiteMessages.AsNoTracking()
            .Where(m => m.UserId == account.UserId && m.Title == "安全评估已超期").ToListAsync());
        Assert.Single(toOfficer);

        clock.Advance(TimeSpan.FromDays(2));
        await RunOnNodesAsync();
        Assert.Single(await SmsAsync(filed.Account.Mobile, "现已超期"));

        // Days later both sign in again (their sessions have ended).
        using var police = await PoliceLogin.AsAsync(platform, account);
        var overdue = await police.GetAsync("/Police/Assessments?overdue=true");
        Assert.Contains("已超期", overdue.QuerySelector("#police-assessments")!.TextContent);
        using var applicant = platform.NewClient();
        await Applicants.LoginAsync(applicant, filed.Account.UserName, filed.Account.Password);
        Assert.Contains("已超期", (await applicant.GetAsync("/Home/Applicant")).QuerySelector("#widget-assessments")!.TextContent);

        // Answered late, it is no longer 已超期.
        await SubmitAsync(applicant, $"/Assessments/New?requirement={required.Id}");
        Assert.Equal("暂无符合条件的安全评估。", (await police.GetAsync("/Police/Assessments?overdue=true")).QuerySelector(".empty-state")!.TextContent);
    }

    private DateOnly BeijingToday() => Beian.Core.Time.BeijingTime.DateOf(clock.GetUtcNow());

    /// <summary>Three nodes' watches at once: the lease lets one act, the notices keep a message from going twice.</summary>
    private Task RunOnNodesAsync() =>
        Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            platform.ScopedAsync(s => s.GetRequiredService<DeadlineWatch>().RunAsync($"node:{Guid.NewGuid():N}"))));

    private async Task<List<(string Channel, string Recipient, string Body)>> SmsAsync(string mobile, string containing) =>
        (await OutboxReader.MessagesAsync(platform)).Where(m => m.Channel == "Sms" && m.Recipient == mobile && m.Body.Contains(containing)).ToList();
}

public sealed class AssessmentDeadlineTests_Sqlite(ClockedSqlitePlatform platform)
    : AssessmentDeadlineTests(platform, platform.Clock), IClassFixture<ClockedSqlitePlatform>;

public sealed class AssessmentDeadlineTests_Postgres(ClockedPostgresPlatform platform)
    : AssessmentDeadlineTests(platform, platform.Clock), IClassFixture<ClockedPostgresPlatform>;
