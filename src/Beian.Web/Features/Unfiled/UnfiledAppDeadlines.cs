using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Accounts;
using Beian.Web.Features.Apps;
using Beian.Web.Features.Audit;
using Beian.Web.Features.Messages;
using Beian.Web.Features.Police.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Unfiled;

/// <summary>
/// 未备案APP past their 整改期限, run by the deadline watch under its lease: one filed since is 已备案 (completed with its
/// APP); one still unfiled is flagged 关停风险 once, its owner told by SMS and site message, its unit's reviewers by site message.
/// </summary>
public sealed class UnfiledAppDeadlines(BeianDbContext db, FiledAppLookup filedApps, Notifier notifier, AuditLog audit, TimeProvider clock) : IDeadlineCheck
{
    private const int BatchSize = 200;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(clock.GetUtcNow());
        var flagged = 0;
        while (true)
        {
            var apps = await db.Set<UnfiledApp>()
                .Where(a => a.Status == UnfiledSiteStatus.Pending && a.ShutdownRiskSince == null && a.Deadline < today)
                .OrderBy(a => a.Deadline).Take(BatchSize).ToListAsync(cancellationToken);
            if (apps.Count == 0) return flagged;
            var filed = await filedApps.ByPackageAsync(apps.Select(a => a.PackageName).ToList(), cancellationToken);
            var overdue = new List<UnfiledApp>();
            foreach (var app in apps)
            {
                if (filed.TryGetValue(app.PackageName, out var filing))
                {
                    app.Status = UnfiledSiteStatus.Completed;
                    app.CompletedAppId = filing.AppId;
                    continue;
                }
                app.ShutdownRiskSince = today;
                overdue.Add(app);
                audit.Record(AuditActions.FlagShutdownRisk, AuditObjectTypes.UnfiledApp, app.Id.ToString(),
                    detail: $"{app.AppName}（{app.PackageName}）整改期限{app.Deadline:yyyy-MM-dd}已过");
                await TellOwnerAsync(app, cancellationToken);
            }
            await TellUnitsAsync(overdue, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            flagged += overdue.Count;
        }
    }

    private async Task TellOwnerAsync(UnfiledApp app, CancellationToken cancellationToken)
    {
        if (app.SubjectId is not { } subjectId) return;
        var ownerId = await db.Subjects.AsNoTracking().Where(s => s.Id == subjectId).Select(s => s.OwnerUserId).FirstOrDefaultAsync(cancellationToken);
        if (ownerId != null)
            await notifier.NotifyWithSmsAsync(ownerId, "未备案APP存在关停风险",
                $"您的APP“{app.AppName}”（{app.PackageName}）已超过整改期限（{app.Deadline:yyyy-MM-dd}）仍未备案，存在关停风险，请立即登录平台在“未备案APP”中办理备案。",
                cancellationToken);
    }

    private async Task TellUnitsAsync(List<UnfiledApp> overdue, CancellationToken cancellationToken)
    {
        foreach (var unit in overdue.GroupBy(a => a.UnitCode))
        {
            var code = unit.Key;
            var reviewers = await db.Users.AsNoTracking()
                .Where(u => u.Kind == AccountKind.Police && u.PoliceUnitCode == code && u.DisabledAt == null).Select(u => u.Id).ToListAsync(cancellationToken);
            foreach (var reviewer in reviewers)
                notifier.Notify(reviewer, "未备案APP关停风险",
                    $"应用市场上报的{unit.Count()}个未备案APP已超过整改期限仍未备案，已标记为“关停风险”，请在“服务商上报 > 未备案APP”中查看并依法处置。");
        }
    }
}
