using Beian.Core.Applications;
using Beian.Core.Reporting;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Filing;
using Beian.Web.Features.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// What decisions on 服务商申请 / 应用市场申请 do to the reporter (inside the decision's transaction, never saving),
/// what the subject's operations do to its reporters, and the pre-check run again at review.
/// </summary>
public sealed class ReporterEffects(BeianDbContext db, ApplicationSnapshots snapshots, TimeProvider clock)
    : IApplicationEffects, ISubjectDependents, IReviewChecks
{
    public IReadOnlyCollection<BusinessType> Handles => ReporterService.Types;

    public async Task<string?> OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var reporter = await OfAsync(application, cancellationToken);
        reporter.Approve(application.LatestStep);
        return $"可在“我的{reporter.Role.Label()}”中上报数据、创建API密钥和查询备案状态";
    }

    public async Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await OfAsync(application, cancellationToken)).Return(application.LatestStep);

    public async Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await OfAsync(application, cancellationToken)).Revoke(application.LatestStep);

    public async Task OnResubmittedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        (await OfAsync(application, cancellationToken)).Resubmit(application.LatestStep);

    public async Task<IReadOnlyList<Finding>> RecheckAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var form = snapshots.Open<ReporterForm>(application.SnapshotCipher);
        var subject = await db.Subjects.AsNoTracking().FirstAsync(s => s.Id == application.SubjectId, cancellationToken);
        return ReporterService.Check(form, subject);
    }

    public async Task CancelAllOfAsync(Guid subjectId, RecordStep step, CancellationToken cancellationToken)
    {
        foreach (var reporter in await db.Set<Reporter>().Where(r => r.SubjectId == subjectId).ToListAsync(cancellationToken))
            reporter.Cancel(step);
    }

    public async Task TransferAllOfAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken)
    {
        var step = new RecordStep(toUserId, clock.GetUtcNow().UtcDateTime, "接收主体");
        foreach (var reporter in await db.Set<Reporter>().Where(r => r.SubjectId == subjectId).ToListAsync(cancellationToken))
            reporter.TransferTo(toUserId, step);
    }

    public async Task MoveToJurisdictionAsync(Guid subjectId, string unitCode, CancellationToken cancellationToken)
    {
        foreach (var reporter in await db.Set<Reporter>().Where(r => r.SubjectId == subjectId).ToListAsync(cancellationToken))
            reporter.JurisdictionUnitCode = unitCode;
    }

    public async Task OnSubjectChangedAsync(Subject subject, CancellationToken cancellationToken)
    {
        foreach (var reporter in await db.Set<Reporter>().Where(r => r.SubjectId == subject.Id).ToListAsync(cancellationToken))
            reporter.Rename(subject.Name);
    }

    private Task<Reporter> OfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        db.Set<Reporter>().FirstAsync(r => r.Id == application.TargetId, cancellationToken);
}
