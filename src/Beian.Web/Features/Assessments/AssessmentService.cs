using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Assessments;
using Beian.Core.Calendar;
using Beian.Core.Rules;
using Beian.Core.Time;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Calendar;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Messages;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Beian.Web.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// 安全评估 for the filer and the police: submitting one (of the filer's own or answering a 待评估) as an
/// application of 业务类型 安全评估 in one transaction, idempotent by submission key; the police's 要求安全评估
/// with its SMS and site message; and the filer's lists.
/// </summary>
public sealed class AssessmentService(
    BeianDbContext db,
    ApplicationSnapshots snapshots,
    DraftService drafts,
    UploadService uploads,
    Notifier notifier,
    HolidayCalendars calendars,
    TimeProvider clock)
{
    public static string AttachmentKey(Guid assessmentId) => $"assessment:{assessmentId}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => BeijingTime.DateOf(clock.GetUtcNow());

    public AssessmentForm Read(Assessment assessment) => snapshots.Open<AssessmentForm>(assessment.DataCipher!);

    public Task<Assessment?> OwnedAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Set<Assessment>().FirstOrDefaultAsync(a => a.Id == id && a.OwnerUserId == ownerUserId, cancellationToken);

    /// <summary>历史安全评估 of the owner, newest first.</summary>
    public async Task<IReadOnlyList<Assessment>> HistoryOfOwnerAsync(string ownerUserId, CancellationToken cancellationToken = default)
    {
        var done = AssessmentStatuses.History.ToArray();
        return await db.Set<Assessment>().AsNoTracking().Where(a => a.OwnerUserId == ownerUserId && done.Contains(a.Status))
            .OrderByDescending(a => a.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>当前安全评估 of the owner (待评估, 待审核, 已退回): the police's 待评估 first, soonest due, then the newest.</summary>
    public async Task<IReadOnlyList<Assessment>> CurrentOfOwnerAsync(string ownerUserId, int? take = null, CancellationToken cancellationToken = default)
    {
        var done = AssessmentStatuses.History.ToArray();
        var ordered = db.Set<Assessment>().AsNoTracking().Where(a => a.OwnerUserId == ownerUserId && !done.Contains(a.Status))
            .OrderBy(a => a.Status == AssessmentStatus.Required ? 0 : 1).ThenBy(a => a.DueOn).ThenByDescending(a => a.CreatedAt);
        return await (take is { } n ? ordered.Take(n) : ordered).ToListAsync(cancellationToken);
    }

    /// <summary>Each submission of an assessment (first, and after a revocation), newest first.</summary>
    public async Task<IReadOnlyList<FilingApplication>> ApplicationsOfAsync(Assessment assessment, CancellationToken cancellationToken = default) =>
        await db.Applications.AsNoTracking().Where(a => a.TargetId == assessment.Id && a.OwnerUserId == assessment.OwnerUserId)
            .OrderByDescending(a => a.SubmittedAt).ToListAsync(cancellationToken);

    /// <summary>The owner's 待评估 of this subject, or null.</summary>
    public Task<Assessment?> RequirementAsync(Guid id, string ownerUserId, Guid subjectId, CancellationToken cancellationToken = default) =>
        db.Set<Assessment>().FirstOrDefaultAsync(a => a.Id == id && a.OwnerUserId == ownerUserId && a.SubjectId == subjectId
            && a.Status == AssessmentStatus.Required, cancellationToken);

    /// <summary>【提交】: the assessment 待审核 with its application; a retried submission with the same key returns the first.</summary>
    public async Task<SubmissionResult> SubmitAsync(string ownerUserId, Subject subject, AssessmentForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default)
    {
        var earlier = await db.Applications.BySubmissionKeyAsync(ownerUserId, submissionKey, cancellationToken);
        if (earlier != null) return SubmissionResult.Ok(earlier);
        if (subject.OwnerUserId != ownerUserId) return SubmissionResult.Refused("主体不存在");

        var step = new Filing.RecordStep(ownerUserId, Now, "安全评估申请");
        Assessment assessment;
        if (form.RequirementId is { } requirementId)
        {
            var required = await RequirementAsync(requirementId, ownerUserId, subject.Id, cancellationToken);
            if (required == null) return SubmissionResult.Refused("该待评估事项已提交或不存在");
            assessment = required;
            assessment.Submit(step);
        }
        else
        {
            assessment = Assessment.Start(subject.Id, ownerUserId, subject.JurisdictionUnitCode, step);
            db.Add(assessment);
        }
        form.SubjectId = subject.Id;
        var sealedForm = snapshots.Seal(form);
        assessment.Fill(form, sealedForm);
        var application = FilingApplication.Submit(ownerUserId, BusinessType.Assessment, subject.Id, assessment.Id, assessment.Title,
            assessment.JurisdictionUnitCode, submissionKey, step.At);
        application.SnapshotCipher = sealedForm;
        application.FindingsJson = JsonSerializer.Serialize(findings);
        db.Applications.Add(application);
        return await db.CommitSubmissionAsync(application, async () =>
        {
            await uploads.AttachAsync(FileIds(form), ownerUserId, AttachmentKey(assessment.Id), assessment.JurisdictionUnitCode, cancellationToken);
            await drafts.DeleteAsync(ownerUserId, BusinessType.Assessment, subject.Id, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A corrected assessment (修改后重新提交): its content and files as corrected.</summary>
    public async Task ApplyCorrectionAsync(FilingApplication application, string ownerUserId, AssessmentForm form, CancellationToken cancellationToken)
    {
        var assessment = await db.Set<Assessment>().FirstAsync(a => a.Id == application.TargetId && a.OwnerUserId == ownerUserId, cancellationToken);
        assessment.Fill(form, snapshots.Seal(form));
        await uploads.AttachAsync(FileIds(form), ownerUserId, AttachmentKey(assessment.Id), assessment.JurisdictionUnitCode, cancellationToken);
    }

    /// <summary>
    /// 要求安全评估: a 待评估 for the record's owner due in <paramref name="workingDays"/> working days, told by SMS
    /// and site message in the same save.
    /// </summary>
    public async Task<Assessment> RequireAsync(string officerUserId, BusinessRecord record, AssessmentTrigger trigger, string reason, int workingDays,
        CancellationToken cancellationToken = default)
    {
        var step = new Filing.RecordStep(officerUserId, Now, reason);
        var assessment = Assessment.Require(record.SubjectId, record.OwnerUserId, record.JurisdictionUnitCode, record, trigger, reason.Trim(),
            workingDays, calendars.Current, step);
        var due = assessment.Due(calendars.Current)!.Value;
        db.Add(assessment);
        var text = $"公安机关要求您对“{record.Name}”（{record.NumberDisplay}）开展安全评估，原因：{reason.Trim()}。" +
                   $"请于{due.On:yyyy年M月d日}前登录平台在“安全评估”中提交评估情况和评估报告。" +
                   (due.UncoveredYear is { } year ? $"（该期限按{year}年节假日安排公布前推算，如有调整将另行通知。）" : "");
        await notifier.NotifyWithSmsAsync(record.OwnerUserId, "安全评估通知", text, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    public static IEnumerable<Guid> FileIds(AssessmentForm form) => form.ReportFileId is { } report ? [report] : [];
}
