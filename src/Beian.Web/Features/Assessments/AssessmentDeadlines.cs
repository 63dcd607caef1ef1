using Beian.Core.Assessments;
using Beian.Core.Calendar;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.Messages;
using Beian.Web.Features.Police;
using Beian.Web.Features.Police.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// The deadline of a 待评估, in the deadline watch's run: the filer is told by SMS and site message once when
/// it is three working days or less from its due date and once when it is past it; then it is 已超期 for the
/// police, and the officer who required it is told once. Each message commits with the notice recording it.
/// When a year's holidays are entered, the 完成期限 reaching it are reckoned again and a moved one is told to the filer.
/// </summary>
public sealed class AssessmentDeadlines(BeianDbContext db, Notifier notifier, HolidayCalendars calendars, TimeProvider clock)
    : IDeadlineCheck, IStoredDueDates
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = BeijingTime.DateOf(clock.GetUtcNow());
        var nearlyDueBy = calendars.Current.AddWorkingDays(today, ReviewDeadlines.NearlyDueWorkingDays);
        var count = 0;
        foreach (var kind in new[] { DeadlineNoticeKind.Overdue, DeadlineNoticeKind.NearlyDue })
        {
            while (await UnwarnedAsync(kind, kind == DeadlineNoticeKind.Overdue ? today.AddDays(-1) : nearlyDueBy, cancellationToken) is { Count: > 0 } batch)
            {
                foreach (var assessment in batch) await WarnAsync(assessment, kind, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                count += batch.Count;
            }
        }
        return count;
    }

    /// <summary>待评估 due on or before <paramref name="dueBy"/> not yet told of this kind (an overdue one is not told it is nearly due).</summary>
    private Task<List<Assessment>> UnwarnedAsync(DeadlineNoticeKind kind, DateOnly dueBy, CancellationToken cancellationToken)
    {
        var notices = db.Set<DeadlineNotice>();
        return db.Set<Assessment>().AsNoTracking()
            .Where(a => a.Status == AssessmentStatus.Required && a.DueOn <= dueBy)
            .Where(a => !notices.Any(n => n.RecordId == a.Id && (n.Kind == kind || n.Kind == DeadlineNoticeKind.Overdue)))
            .OrderBy(a => a.DueOn).Take(DeadlineWatch.BatchSize).ToListAsync(cancellationToken);
    }

    private async Task WarnAsync(Assessment assessment, DeadlineNoticeKind kind, CancellationToken cancellationToken)
    {
        var overdue = kind == DeadlineNoticeKind.Overdue;
        var text = $"公安机关要求您对“{assessment.Title}”开展的安全评估，完成期限为{assessment.DueOn:yyyy年M月d日}，" +
                   (overdue ? "现已超期，请立即登录平台在“安全评估”中提交评估情况和评估报告。" : "即将到期，请及时登录平台在“安全评估”中提交。");
        await notifier.NotifyWithSmsAsync(assessment.OwnerUserId, overdue ? "安全评估已超期" : "安全评估即将到期", text, cancellationToken);
        if (overdue && assessment.RequiredByUserId is { } officer)
            notifier.Notify(officer, "安全评估已超期", $"您要求开展的安全评估（{assessment.Title}）已超过完成期限{assessment.DueOn:yyyy-MM-dd}仍未提交，已标记为“已超期”，请在“安全评估”中查看并依法处置。");
        db.Add(DeadlineNotice.For(assessment.Id, kind, clock.GetUtcNow().UtcDateTime));
    }

    public async Task RecomputeAsync(WorkingDayCalculator calculator, int year, CancellationToken cancellationToken)
    {
        var firstDay = new DateOnly(year, 1, 1);
        var waiting = await db.Set<Assessment>()
            .Where(a => a.Status == AssessmentStatus.Required && a.DueWorkingDays != null && a.DueOn >= firstDay)
            .ToListAsync(cancellationToken);
        foreach (var assessment in waiting)
        {
            var before = assessment.DueOn;
            if (!assessment.Reckon(calculator)) continue;
            notifier.Notify(assessment.OwnerUserId, "安全评估完成期限调整",
                $"{year}年法定节假日和调休安排已公布，公安机关要求您对“{assessment.Title}”开展的安全评估，完成期限由{before:yyyy年M月d日}调整为{assessment.DueOn:yyyy年M月d日}。");
        }
    }
}
