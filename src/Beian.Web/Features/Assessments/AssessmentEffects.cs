using Beian.Core.Applications;
using Beian.Core.Assessments;
using Beian.Core.Rules;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Assessments;

/// <summary>
/// What decisions on 安全评估 applications do to the assessment (inside the decision's transaction, never
/// saving), what the subject's operations do to its assessments, and the pre-check run again at review
/// (a business picked may have been cancelled since).
/// </summary>
public sealed class AssessmentEffects(BeianDbContext db, ApplicationSnapshots snapshots, AssessmentTargets targets, UploadService uploads, TimeProvider clock)
    : IApplicationEffects, ISubjectDependents, IReviewChecks
{
    public IReadOnlyCollection<BusinessType> Handles { get; } = [BusinessType.Assessment];

    public async Task<string?> OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        (await OfAsync(application, cancellationToken)).Approve(application.LatestStep);
        return "可在“安全评估—历史安全评估”中查看";
    }

    public async Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await OfAsync(application, cancellationToken)).Return(application.LatestStep);

    public async Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await OfAsync(application, cancellationToken)).Revoke(application.LatestStep);

    public async Task OnResubmittedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await OfAsync(application, cancellationToken)).Resubmit(application.LatestStep);

    public async Task<IReadOnlyList<Finding>> RecheckAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var form = snapshots.Open<AssessmentForm>(application.SnapshotCipher);
        var offered = await targets.OfferedAsync(application.SubjectId, cancellationToken);
        var foreign = AssessmentTargets.Normalize(form, offered);
        return AssessmentRules.Check(AssessmentTargets.Facts(form, foreign));
    }

    /// <summary>An assessment stays what it was when its subject is cancelled: its history is the police's record.</summary>
    public Task CancelAllOfAsync(Guid subjectId, RecordStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task TransferAllOfAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken)
    {
        var step = new RecordStep(toUserId, clock.GetUtcNow().UtcDateTime, "接收主体");
        var assessments = await db.Set<Assessment>().Where(a => a.SubjectId == subjectId).ToListAsync(cancellationToken);
        assessments.ForEach(a => a.TransferTo(toUserId, step));
        await uploads.TransferAsync(assessments.Select(a => AssessmentService.AttachmentKey(a.Id)).ToList(), fromUserId, toUserId, cancellationToken);
    }

    public async Task MoveToJurisdictionAsync(Guid subjectId, string unitCode, CancellationToken cancellationToken)
    {
        foreach (var assessment in await db.Set<Assessment>().Where(a => a.SubjectId == subjectId).ToListAsync(cancellationToken))
        {
            assessment.JurisdictionUnitCode = unitCode;
            await uploads.SetJurisdictionAsync(AssessmentService.AttachmentKey(assessment.Id), unitCode, cancellationToken);
        }
    }

    private Task<Assessment> OfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        db.Set<Assessment>().FirstAsync(a => a.Id == application.TargetId, cancellationToken);
}
