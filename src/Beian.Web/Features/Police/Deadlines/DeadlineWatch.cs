using Beian.Core.Applications;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Messages;
using Beian.Web.Features.Unfiled;
using Beian.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Police.Deadlines;

/// <summary>Settings under <c>Deadlines:</c>.</summary>
public sealed class DeadlineOptions
{
    /// <summary>How often each node looks (it acts only while holding the lease).</summary>
    public double CheckMinutes { get; set; } = 60;

    /// <summary>An offline filing not claimed this many days after its import is at 关停风险.</summary>
    public int ClaimDays { get; set; } = 30;
}

/// <summary>Deadlines another capability keeps (a 待评估's), checked in the same run under the same lease.</summary>
public interface IDeadlineCheck
{
    /// <summary>Sends what is due (each message once, committed with its <see cref="DeadlineNotice"/>); returns how many.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The police side of deadlines, run by one node at a time (lease <see cref="LeaseName"/>):
/// reviewers are told once when an application is 即将到期 and once when it is 已超期; 未备案网站 past
/// their 整改期限 and offline filings unclaimed past the claim period are marked 关停风险 for the
/// unit that imported them (and the applicant is told). Every message commits with the notice
/// that records it was sent, so a rerun or a second node never sends it twice.
/// </summary>
public sealed class DeadlineWatch(
    BeianDbContext db,
    ReviewDeadlines deadlines,
    Notifier notifier,
    AuditLog audit,
    JobLeases leases,
    IEnumerable<IDeadlineCheck> otherChecks,
    Microsoft.Extensions.Options.IOptions<DeadlineOptions> options,
    TimeProvider clock)
{
    public const string LeaseName = "deadline-watch";
    public const int BatchSize = 200;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);

    public Task<DeadlineWatchResult> RunAsync(string holder, CancellationToken cancellationToken = default) =>
        leases.WhileHoldingAsync(LeaseName, holder, LeaseDuration, DeadlineWatchResult.NotHolder, async () =>
        {
            var warned = await WarnReviewersAsync(cancellationToken);
            var unfiled = await FlagUnfiledSitesAsync(cancellationToken);
            var claims = await FlagUnclaimedFilingsAsync(cancellationToken);
            var others = 0;
            foreach (var check in otherChecks) others += await check.RunAsync(cancellationToken);
            return new DeadlineWatchResult(true, warned, unfiled, claims, others);
        }, cancellationToken);

    private DateOnly Today => BeijingTime.DateOf(clock.GetUtcNow());

    /// <summary>The applications within three working days of their due date or past it, not yet warned of.</summary>
    private async Task<int> WarnReviewersAsync(CancellationToken cancellationToken)
    {
        var overdue = await deadlines.OverdueFilterAsync(null, cancellationToken);
        var window = await deadlines.DueWithinFilterAsync(ReviewDeadlines.NearlyDueWorkingDays, cancellationToken);
        var notices = db.Set<DeadlineNotice>();
        var businesses = db.Applications.AsNoTracking().Where(a => a.BusinessType != BusinessType.NewSubject);
        // Oldest first: within the window's superset the newest are the ones not yet nearly due.
        var candidates = await businesses.Where(overdue)
            .Where(a => !notices.Any(n => n.RecordId == a.Id && n.Kind == DeadlineNoticeKind.Overdue))
            .OrderBy(a => a.SubmittedAt).Take(BatchSize * 5).ToListAsync(cancellationToken);
        candidates.AddRange(await businesses.Where(window)
            .Where(a => !notices.Any(n => n.RecordId == a.Id))
            .OrderBy(a => a.SubmittedAt).Take(BatchSize * 5).ToListAsync(cancellationToken));
        candidates = candidates.DistinctBy(a => a.Id).ToList();
        var limits = await db.PoliceUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.ReviewLimitWorkingDays, cancellationToken);

        var count = 0;
        foreach (var chunk in candidates.Chunk(BatchSize))
        {
            foreach (var application in chunk)
            {
                var deadline = deadlines.For(application, limits.GetValueOrDefault(application.JurisdictionUnitCode, ReviewDeadlines.DefaultLimit));
                var kind = deadline.Overdue ? DeadlineNoticeKind.Overdue : deadline.NearlyDue ? DeadlineNoticeKind.NearlyDue : (DeadlineNoticeKind?)null;
                if (kind == null) continue;
                await WarnAsync(application, deadline, kind.Value, cancellationToken);
                count++;
            }
            await SaveAsync(cancellationToken);
        }
        return count;
    }

    private async Task WarnAsync(FilingApplication application, Deadline deadline, DeadlineNoticeKind kind, CancellationToken cancellationToken)
    {
        var title = kind == DeadlineNoticeKind.Overdue ? "申请已超期" : "申请即将到期";
        var body = $"{application.BusinessType.ApplicationName()}（{application.Number}，{application.Title}）的办理期限为{deadline.Due}，" +
                   (kind == DeadlineNoticeKind.Overdue ? "现已超期，请尽快办理。" : "即将到期，请及时审核。");
        List<string> reviewers = application.AssignedReviewerUserId is { } assigned
            ? [assigned]
            : await ReviewersOfAsync(application.JurisdictionUnitCode, cancellationToken);
        foreach (var reviewer in reviewers) notifier.Notify(reviewer, title, body);
        db.Add(DeadlineNotice.For(application.Id, kind, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>未备案网站 still not filed after the 整改期限 the police set when importing them.</summary>
    private async Task<int> FlagUnfiledSitesAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var count = 0;
        while (true)
        {
            var sites = await db.Set<UnfiledSite>()
                .Where(s => s.Status == UnfiledSiteStatus.Pending && s.ShutdownRiskSince == null && s.Deadline < today)
                .OrderBy(s => s.Deadline).Take(BatchSize).ToListAsync(cancellationToken);
            if (sites.Count == 0) return count;
            foreach (var site in sites)
            {
                site.ShutdownRiskSince = today;
                audit.Record(AuditActions.FlagShutdownRisk, AuditObjectTypes.UnfiledSite, site.Id.ToString(),
                    detail: $"{site.Domain} 整改期限{site.Deadline:yyyy-MM-dd}已过");
                await TellOwnerAsync(site.SubjectId, "未备案网站存在关停风险",
                    $"您的网站{site.Domain}已超过公安机关要求的整改期限（{site.Deadline:yyyy-MM-dd}）仍未备案，存在关停风险，请立即登录平台在“未备案网站”中办理备案。",
                    cancellationToken);
            }
            await TellUnitsAsync(sites.GroupBy(s => s.ImportedByUnitCode).Select(g => (g.Key, g.Count())), "未备案网站", cancellationToken);
            await SaveAsync(cancellationToken);
            count += sites.Count;
        }
    }

    /// <summary>Offline filings nobody claimed within the claim period after their import.</summary>
    private async Task<int> FlagUnclaimedFilingsAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var importedBefore = BeijingTime.StartOfDayUtc(today.AddDays(-options.Value.ClaimDays));
        var count = 0;
        while (true)
        {
            var filings = await db.Set<OfflineFiling>()
                .Where(f => f.Status == OfflineFilingStatus.Pending && f.ShutdownRiskSince == null && f.ImportedAt < importedBefore)
                .OrderBy(f => f.ImportedAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (filings.Count == 0) return count;
            foreach (var filing in filings)
            {
                filing.ShutdownRiskSince = today;
                audit.Record(AuditActions.FlagShutdownRisk, AuditObjectTypes.OfflineFiling, filing.Id.ToString(),
                    detail: $"{filing.NumberDisplay} 导入后{options.Value.ClaimDays}日内未认领");
                await TellOwnerAsync(filing.SubjectId, "待认领网站存在关停风险",
                    $"您的网站“{filing.SiteName}”（{filing.NumberDisplay}）已超过认领期限仍未认领，存在关停风险，请立即登录平台在“已办网站认领”中完成认领。",
                    cancellationToken);
            }
            await TellUnitsAsync(filings.GroupBy(f => f.ImportedByUnitCode).Select(g => (g.Key, g.Count())), "待认领网站", cancellationToken);
            await SaveAsync(cancellationToken);
            count += filings.Count;
        }
    }

    /// <summary>The applicant, when the record is already matched to a subject: an SMS and a site message.</summary>
    private async Task TellOwnerAsync(Guid? subjectId, string title, string text, CancellationToken cancellationToken)
    {
        if (subjectId is not { } id) return;
        var ownerId = await db.Subjects.AsNoTracking().Where(s => s.Id == id).Select(s => s.OwnerUserId).FirstOrDefaultAsync(cancellationToken);
        if (ownerId != null) await notifier.NotifyWithSmsAsync(ownerId, title, text, cancellationToken);
    }

    /// <summary>One site message per importing unit's officer: how many of its records are now at 关停风险.</summary>
    private async Task TellUnitsAsync(IEnumerable<(string Unit, int Count)> flagged, string what, CancellationToken cancellationToken)
    {
        foreach (var (unit, count) in flagged)
        {
            foreach (var reviewer in await ReviewersOfAsync(unit, cancellationToken))
                notifier.Notify(reviewer, $"{what}关停风险", $"本单位导入的{count}条{what}已超过期限仍未办理，已标记为“关停风险”，请在“未备案网站导入”中查看并依法处置。");
        }
    }

    private Task<List<string>> ReviewersOfAsync(string unitCode, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Kind == AccountKind.Police && u.PoliceUnitCode == unitCode && u.DisabledAt == null)
            .Select(u => u.Id).ToListAsync(cancellationToken);

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}

/// <param name="OthersWarned">Messages of the <see cref="IDeadlineCheck"/>s (安全评估即将到期 / 已超期 …).</param>
public sealed record DeadlineWatchResult(bool Ran, int Warned, int UnfiledFlagged, int ClaimsFlagged, int OthersWarned = 0)
{
    public static readonly DeadlineWatchResult NotHolder = new(false, 0, 0, 0);
}

public enum DeadlineNoticeKind
{
    NearlyDue,
    Overdue,
}

/// <summary>That a deadline message about one record was sent: the key makes sending it twice impossible.</summary>
public class DeadlineNotice
{
    public Guid RecordId { get; set; }
    public DeadlineNoticeKind Kind { get; set; }
    public DateTime SentAt { get; set; }

    public static DeadlineNotice For(Guid recordId, DeadlineNoticeKind kind, DateTime nowUtc) => new() { RecordId = recordId, Kind = kind, SentAt = nowUtc };
}

internal sealed class DeadlineNoticeConfiguration : IEntityTypeConfiguration<DeadlineNotice>
{
    public void Configure(EntityTypeBuilder<DeadlineNotice> builder)
    {
        builder.ToTable("DeadlineNotices");
        builder.HasKey(n => new { n.RecordId, n.Kind });
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
