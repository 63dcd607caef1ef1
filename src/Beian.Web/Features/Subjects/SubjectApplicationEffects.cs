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
    Task CancelAllOfAsync(Guid subjectId, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>接收主体: what the subject holds becomes the receiver's, with its files.</summary>
    Task TransferAllOfAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After 变更主体 is approved: the subject's name or nature may have changed.</summary>
    Task OnSubjectChangedAsync(Subject subject, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What decisions on 新增主体, 变更主体 and 注销主体 do to the subject.</summary>
public sealed class SubjectApplicationEffects(
    BeianDbContext db,
    SubjectService subjects,
    ApplicationSnapshots snapshots,
    IEnumerable<ISubjectDependents> dependents,
    TimeProvider clock) : IApplicationEffects
{
    public IReadOnlyCollection<BusinessType> Handles { get; } =
        [BusinessType.NewSubject, BusinessType.ChangeSubject, BusinessType.CancelSubject];

    public async Task<string?> OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var subject = await SubjectOfAsync(application, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (application.BusinessType)
        {
            case BusinessType.NewSubject:
                subject.Apply(SubjectEvent.NewApproved);
                subject.ApprovedAt = now;
                await PassIdentityVerificationAsync(subject.OwnerUserId, now, cancellationToken);
                break;
            case BusinessType.ChangeSubject:
                var form = snapshots.Open<SubjectForm>(application.SnapshotCipher);
                var unit = Jurisdiction.UnitFor(form) ?? subject.JurisdictionUnitCode;
                subjects.Store(subject, form, unit);
                subject.Apply(SubjectEvent.ChangeClosed);
                // Tracked, not a bulk update: it commits with the decision or not at all.
                var files = await db.StoredFiles.Where(f => f.AttachedTo == SubjectService.AttachmentKey(subject.Id)).ToListAsync(cancellationToken);
                files.ForEach(f => f.JurisdictionUnitCode = unit);
                foreach (var dependent in dependents)
                    await dependent.OnSubjectChangedAsync(subject, cancellationToken);
                break;
            case BusinessType.CancelSubject:
                subject.Apply(SubjectEvent.CancelApproved);
                subject.CancelledAt = now;
                foreach (var dependent in dependents)
                    await dependent.CancelAllOfAsync(subject.Id, now, cancellationToken);
                break;
        }
        return null;
    }

    public async Task OnResubmittedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var subject = await SubjectOfAsync(application, cancellationToken);
        subject.Apply(application.BusinessType switch
        {
            BusinessType.NewSubject => SubjectEvent.NewResubmitted,
            BusinessType.ChangeSubject => SubjectEvent.ChangeSubmitted,
            _ => throw new IllegalTransitionException("注销申请被退回后请重新发起注销"),
        });
    }

    public async Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await SubjectOfAsync(application, cancellationToken)).Apply(ClosingEvent(application.BusinessType, returned: true));

    public async Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await SubjectOfAsync(application, cancellationToken)).Apply(ClosingEvent(application.BusinessType, returned: false));

    private static SubjectEvent ClosingEvent(BusinessType type, bool returned) => type switch
    {
        BusinessType.NewSubject => returned ? SubjectEvent.NewReturned : SubjectEvent.NewRevoked,
        BusinessType.ChangeSubject => SubjectEvent.ChangeClosed,
        _ => SubjectEvent.CancelClosed,
    };

    private async Task<Subject> SubjectOfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        await db.Subjects.FirstAsync(s => s.Id == application.SubjectId, cancellationToken);

    /// <summary>身份验证 passes by itself when a subject of the account is approved (SPEC §2).</summary>
    private async Task PassIdentityVerificationAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var owner = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        owner.IdentityVerifiedAt ??= now;
    }
}
