using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// A business of a subject (websites, APPs …) registers one of these so that an approved 注销主体
/// cancels it together with the subject, an approved 变更主体 reaches it, and 接收主体 moves it with its
/// files to the receiver, each inside the transaction of the subject's own change.
/// </summary>
public interface ISubjectDependents
{
    Task CancelAllOfAsync(Guid subjectId, Filing.RecordStep step, CancellationToken cancellationToken);

    /// <summary>接收主体: what the subject holds becomes the receiver's, with its files.</summary>
    Task TransferAllOfAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken);

    /// <summary>A corrected 新增主体 address placed the subject in another county: what waits with it moves there too.</summary>
    Task MoveToJurisdictionAsync(Guid subjectId, string unitCode, CancellationToken cancellationToken);

    /// <summary>After 变更主体 is approved: the subject's name or nature may have changed.</summary>
    Task OnSubjectChangedAsync(Subject subject, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// What another capability does when a 新增主体 is submitted (inside the submission's transaction, never
/// saving): imports held for its certificate number reach it.
/// </summary>
public interface ISubjectArrivals
{
    Task OnSubjectSubmittedAsync(Subject subject, CancellationToken cancellationToken);
}

/// <summary>What decisions on 新增主体, 变更主体 and 注销主体 do to the subject.</summary>
public sealed class SubjectApplicationEffects(
    BeianDbContext db,
    SubjectService subjects,
    ApplicationSnapshots snapshots,
    IEnumerable<ISubjectDependents> dependents,
    Uploads.UploadService uploads) : IApplicationEffects
{
    public IReadOnlyCollection<BusinessType> Handles { get; } =
        [BusinessType.NewSubject, BusinessType.ChangeSubject, BusinessType.CancelSubject];

    public async Task<string?> OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var subject = await SubjectOfAsync(application, cancellationToken);
        var step = application.LatestStep;
        switch (application.BusinessType)
        {
            case BusinessType.NewSubject:
                subject.Approve(step);
                await PassIdentityVerificationAsync(subject.OwnerUserId, step.At, cancellationToken);
                break;
            case BusinessType.ChangeSubject:
                var form = snapshots.Open<SubjectForm>(application.SnapshotCipher);
                var unit = Jurisdiction.UnitFor(form) ?? subject.JurisdictionUnitCode;
                subjects.Store(subject, form, unit);
                subject.EndChange(step);
                // Inside the decision's transaction: it commits with the decision or not at all.
                await uploads.SetJurisdictionAsync(SubjectService.AttachmentKey(subject.Id), unit, cancellationToken);
                foreach (var dependent in dependents)
                    await dependent.OnSubjectChangedAsync(subject, cancellationToken);
                break;
            case BusinessType.CancelSubject:
                subject.Cancel(step);
                foreach (var dependent in dependents)
                    await dependent.CancelAllOfAsync(subject.Id, step, cancellationToken);
                break;
        }
        return null;
    }

    public async Task OnResubmittedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var subject = await SubjectOfAsync(application, cancellationToken);
        switch (application.BusinessType)
        {
            case BusinessType.NewSubject:
                subject.Resubmit(application.LatestStep);
                break;
            case BusinessType.ChangeSubject:
                subject.BeginChange(application.LatestStep);
                break;
            default:
                throw new IllegalTransitionException("注销申请被退回后请重新发起注销");
        }
    }

    public async Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        Close(await SubjectOfAsync(application, cancellationToken), application, returned: true);

    public async Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        Close(await SubjectOfAsync(application, cancellationToken), application, returned: false);

    /// <summary>A returned or revoked application: a new subject returned or withdrawn, a valid one 有效 again.</summary>
    private static void Close(Subject subject, FilingApplication application, bool returned)
    {
        var step = application.LatestStep;
        switch (application.BusinessType)
        {
            case BusinessType.NewSubject when returned:
                subject.Return(step);
                break;
            case BusinessType.NewSubject:
                subject.Withdraw(step);
                break;
            case BusinessType.ChangeSubject:
                subject.EndChange(step);
                break;
            default:
                subject.KeepValid(step);
                break;
        }
    }

    private async Task<Subject> SubjectOfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        await db.Subjects.FirstAsync(s => s.Id == application.SubjectId, cancellationToken);

    /// <summary>身份验证 passes by itself when a subject of the account is approved (SPEC §2).</summary>
    private async Task PassIdentityVerificationAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var owner = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        owner.IdentityVerifiedAt ??= now;
    }
}
