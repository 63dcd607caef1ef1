using Beian.Core.Applications;
using Beian.Core.Rules;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Beian.Web.Features.Applications;

/// <summary>
/// A business's part in the decisions on its applications: what approval, return, revocation and
/// resubmission do to the business's own records (the subject becomes 有效 …). Called inside the
/// decision's transaction; it must not save.
/// </summary>
public interface IApplicationEffects
{
    IReadOnlyCollection<BusinessType> Handles { get; }

    /// <summary>Applies the approval; returns a line for the approval notice (e.g. the 公安备案号), or null.</summary>
    Task<string?> OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken);

    Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken);

    Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken);

    Task OnResubmittedAsync(FilingApplication application, CancellationToken cancellationToken);

    /// <summary>Why this application may not be approved yet (e.g. an interactive site without 面审), or null.</summary>
    Task<string?> RefuseApprovalAsync(FilingApplication application, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>What another capability adds to an approval's notice (a 安全评估 now due …), or null.</summary>
public interface IApprovalNotes
{
    string? NoteOn(FilingApplication approved);
}

/// <summary>
/// The one place where applications change status, for every business: revoked by their owner,
/// claimed, released, reassigned, approved and returned by the police, resubmitted after a return.
/// Who may do what is checked by the caller (the police console checks the jurisdiction); here
/// each change, its effects on the records and the messages it sends commit in one transaction,
/// and a concurrent change of the same application fails instead of applying twice.
/// A subject is never approved alone: approving its first business approves it in the same step.
/// </summary>
public sealed class ApplicationService(
    BeianDbContext db,
    IEnumerable<IApplicationEffects> effects,
    IEnumerable<IApprovalNotes> approvalNotes,
    ApplicationNotices notices,
    ApplicationSnapshots snapshots,
    TimeProvider clock)
{
    /// <summary>Reasons whose field starts with this prefix are about the subject reviewed with the business.</summary>
    public const string SubjectFieldPrefix = "Subject.";

    public Task<FilingApplication?> FindForOwnerAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Applications.Include(a => a.Transitions)
            .FirstOrDefaultAsync(a => a.Id == id && a.OwnerUserId == ownerUserId, cancellationToken);

    /// <summary>The owner's returned application of one of <paramref name="types"/>, the one a correction page reopens; or null.</summary>
    public Task<FilingApplication?> ReturnedForOwnerAsync(Guid id, string ownerUserId, IReadOnlyCollection<BusinessType> types,
        CancellationToken cancellationToken = default) =>
        db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.OwnerUserId == ownerUserId
            && a.Status == ApplicationStatus.Returned && types.Contains(a.BusinessType), cancellationToken);

    /// <summary>The subject's own 新增主体 application while it waits to be reviewed with this business.</summary>
    public Task<FilingApplication?> PendingSubjectApplicationAsync(FilingApplication business, CancellationToken cancellationToken = default) =>
        business.BusinessType == BusinessType.NewSubject
            ? Task.FromResult<FilingApplication?>(null)
            : db.Applications.FirstOrDefaultAsync(a => a.SubjectId == business.SubjectId && a.BusinessType == BusinessType.NewSubject
                && (OpenStatuses.All.Contains(a.Status) || a.Status == ApplicationStatus.Returned), cancellationToken);

    /// <summary>The 新增主体 application a 待审核 subject waits with, for the owner to open (撤销申请), or null.</summary>
    public Task<FilingApplication?> WaitingNewSubjectApplicationAsync(Guid subjectId, string ownerUserId, CancellationToken cancellationToken = default) =>
        db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.SubjectId == subjectId && a.OwnerUserId == ownerUserId
            && a.BusinessType == BusinessType.NewSubject && a.Status == ApplicationStatus.Pending, cancellationToken);

    /// <summary>接收主体: every application of the subject, open or decided, belongs to the receiver now.</summary>
    public Task<int> TransferAsync(Guid subjectId, string toUserId, CancellationToken cancellationToken = default) =>
        db.Applications.Where(a => a.SubjectId == subjectId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerUserId, toUserId), cancellationToken);

    /// <summary>The subject's address now lies in another county: its open and returned applications are reviewed there.</summary>
    public async Task MoveToJurisdictionAsync(Guid subjectId, string unitCode, CancellationToken cancellationToken = default)
    {
        var waiting = await db.Applications.Where(a => a.SubjectId == subjectId
            && (OpenStatuses.All.Contains(a.Status) || a.Status == ApplicationStatus.Returned)).ToListAsync(cancellationToken);
        waiting.ForEach(a => a.MoveToJurisdiction(unitCode));
    }

    /// <summary>【撤销申请】 by its owner: refused after 30 minutes or once review started.</summary>
    public async Task<DecisionResult> RevokeAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default)
    {
        var application = await FindForOwnerAsync(id, ownerUserId, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        var refusal = application.RefuseRevoke(Now);
        if (refusal != null) return DecisionResult.Refused(refusal);
        application.Revoke(ownerUserId, Now);
        await EffectsFor(application).OnRevokedAsync(application, cancellationToken);
        return await CommitAsync(cancellationToken);
    }

    public Task<DecisionResult> ClaimAsync(Guid id, string reviewerUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, application =>
        {
            application.Claim(reviewerUserId, Now);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<DecisionResult> ReleaseAsync(Guid id, string reviewerUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, application =>
        {
            application.Release(reviewerUserId, Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>改派: the application (and the subject reviewed with it) moves to another unit.</summary>
    public async Task<DecisionResult> ReassignAsync(Guid id, string supervisorUserId, string unitCode, string? reviewerUserId, string note,
        CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        try
        {
            application.Reassign(supervisorUserId, unitCode, reviewerUserId, note, Now);
            if (await PendingSubjectApplicationAsync(application, cancellationToken) is { } subject && subject.Status.IsOpen())
                subject.Reassign(supervisorUserId, unitCode, null, note, Now);
        }
        catch (IllegalTransitionException refusal)
        {
            db.ChangeTracker.Clear();
            return DecisionResult.Refused(refusal.Message);
        }
        await notices.ReassignedAsync(application, cancellationToken);
        return await CommitAsync(cancellationToken);
    }

    /// <summary>
    /// 通过. When the subject still waits with this business it is approved first, in the same
    /// transaction; effects may issue a 公安备案号, which commits or rolls back with the decision.
    /// </summary>
    public async Task<DecisionResult> ApproveAsync(Guid id, string reviewerUserId, string? note = null, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        var loadedVersion = application.Version;
        if (!ApplicationStateMachine.CanApply(application.Status, ApplicationAction.Approve))
            return DecisionResult.Refused($"申请处于“{application.Status.Label()}”状态，不能审核通过");
        var subject = await PendingSubjectApplicationAsync(application, cancellationToken);
        if (subject?.Status == ApplicationStatus.Returned)
            return DecisionResult.Refused("开办主体信息已退回，须待申请人修改主体信息并重新提交后才能审核通过");
        if (await EffectsFor(application).RefuseApprovalAsync(application, cancellationToken) is { } notYet)
            return DecisionResult.Refused(notYet);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var approved = new List<FilingApplication>();
            if (subject != null) approved.Add(subject);
            approved.Add(application);
            var lines = new List<string>();
            foreach (var each in approved)
            {
                each.Approve(reviewerUserId, note, Now);
                if (await EffectsFor(each).OnApprovedAsync(each, cancellationToken) is { } line) lines.Add(line);
                lines.AddRange(approvalNotes.Select(n => n.NoteOn(each)).OfType<string>());
            }
            await notices.ApprovedAsync(approved, lines, cancellationToken);
        }
        catch (IllegalTransitionException refusal)
        {
            // The record read fresh may already be moved by an approval that committed meanwhile.
            db.ChangeTracker.Clear();
            return await ChangedMeanwhileAsync(application.Id, loadedVersion, cancellationToken)
                ? DecisionResult.Refused(ConcurrentChangeMessage)
                : DecisionResult.Refused(refusal.Message);
        }
        return await CommitAsync(transaction, application.Id, loadedVersion, cancellationToken);
    }

    /// <summary>
    /// 退回 with reasons field by field. Reasons about the subject (fields under
    /// <see cref="SubjectFieldPrefix"/>) return the subject's waiting 新增主体 application too.
    /// </summary>
    public async Task<DecisionResult> ReturnAsync(Guid id, string reviewerUserId, IReadOnlyList<ReturnReason> reasons,
        CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        if (reasons.Count == 0) return DecisionResult.Refused("请至少填写一条退回原因");
        if (!ApplicationStateMachine.CanApply(application.Status, ApplicationAction.Return))
            return DecisionResult.Refused($"申请处于“{application.Status.Label()}”状态，不能退回");
        application.Return(reviewerUserId, reasons, Now);
        await EffectsFor(application).OnReturnedAsync(application, cancellationToken);
        var returned = new List<FilingApplication> { application };

        var subjectReasons = reasons.Where(r => r.Field?.StartsWith(SubjectFieldPrefix, StringComparison.Ordinal) == true)
            .Select(r => r with { Field = r.Field![SubjectFieldPrefix.Length..] }).ToList();
        if (subjectReasons.Count > 0 && await PendingSubjectApplicationAsync(application, cancellationToken) is { } subject
            && ApplicationStateMachine.CanApply(subject.Status, ApplicationAction.Return))
        {
            subject.Return(reviewerUserId, subjectReasons, Now);
            await EffectsFor(subject).OnReturnedAsync(subject, cancellationToken);
            returned.Add(subject);
        }
        await notices.ReturnedAsync(returned, cancellationToken);
        return await CommitAsync(cancellationToken);
    }

    /// <summary>
    /// 修改后重新提交 by the owner: the corrected <paramref name="form"/> and its findings become the
    /// application's content, <paramref name="applyToRecord"/> brings the record (and its files) up to
    /// date, and the same application goes back to 待审核.
    /// </summary>
    public async Task<DecisionResult> ResubmitAsync<TForm>(Guid id, string ownerUserId, TForm form, IReadOnlyList<Finding> findings, string? title,
        Func<FilingApplication, Task> applyToRecord, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id && a.OwnerUserId == ownerUserId, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        var loadedVersion = application.Version;
        if (!ApplicationStateMachine.CanApply(application.Status, ApplicationAction.Resubmit))
            return DecisionResult.Refused($"申请处于“{application.Status.Label()}”状态，不能重新提交");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        application.Resubmit(ownerUserId, Now);
        application.SnapshotCipher = snapshots.Seal(form);
        application.FindingsJson = System.Text.Json.JsonSerializer.Serialize(findings);
        if (!string.IsNullOrEmpty(title)) application.Title = title;
        await applyToRecord(application);
        await EffectsFor(application).OnResubmittedAsync(application, cancellationToken);
        return await CommitAsync(transaction, application.Id, loadedVersion, cancellationToken);
    }

    /// <summary>An application's submitted content as <paramref name="formType"/>.</summary>
    public object SnapshotOf(FilingApplication application, Type formType) =>
        snapshots.Open(application.SnapshotCipher, formType);

    /// <summary>The owner's returned application of one of <paramref name="types"/> with its submitted form, the one a correction page reopens; or null.</summary>
    public async Task<(FilingApplication Application, TForm Form)?> ReturnedFormAsync<TForm>(Guid id, string ownerUserId,
        IReadOnlyCollection<BusinessType> types, CancellationToken cancellationToken = default)
    {
        var application = await ReturnedForOwnerAsync(id, ownerUserId, types, cancellationToken);
        return application == null ? null : (application, snapshots.Open<TForm>(application.SnapshotCipher));
    }

    /// <summary>
    /// Another capability's step on an application (an inspection is asked for or recorded):
    /// <paramref name="change"/> moves it and adds its own records, which commit together.
    /// </summary>
    public async Task<DecisionResult> ChangeAsync(Guid id, Func<FilingApplication, Task> change, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application == null) return DecisionResult.NotFound;
        try
        {
            await change(application);
        }
        catch (IllegalTransitionException refusal)
        {
            db.ChangeTracker.Clear();
            return DecisionResult.Refused(refusal.Message);
        }
        return await CommitAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IApplicationEffects EffectsFor(FilingApplication application) =>
        effects.FirstOrDefault(e => e.Handles.Contains(application.BusinessType))
        ?? throw new InvalidOperationException($"No effects are registered for {application.BusinessType}.");

    private async Task<DecisionResult> CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return DecisionResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DecisionResult.Refused(ConcurrentChangeMessage);
        }
    }

    /// <summary>
    /// Saves and commits a decision taken in <paramref name="transaction"/>. Its effects write rows
    /// keyed by the record (the 公共查询 projection, the number), so a second decision on the same
    /// application may fail on those keys before the application's own version is checked: once
    /// rolled back, an application changed meanwhile is that same lost race, and is told so.
    /// </summary>
    private async Task<DecisionResult> CommitAsync(IDbContextTransaction transaction, Guid applicationId, int loadedVersion,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return DecisionResult.Done;
        }
        catch (DbUpdateException failure)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var lostRace = failure is DbUpdateConcurrencyException
                || await ChangedMeanwhileAsync(applicationId, loadedVersion, cancellationToken);
            if (lostRace) return DecisionResult.Refused(ConcurrentChangeMessage);
            throw;
        }
    }

    private Task<bool> ChangedMeanwhileAsync(Guid applicationId, int loadedVersion, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().AnyAsync(a => a.Id == applicationId && a.Version != loadedVersion, cancellationToken);

    public const string ConcurrentChangeMessage = "该申请已被他人处理，请刷新后查看最新状态";
}

public sealed record DecisionResult(bool Succeeded, bool Found, string? Error)
{
    public static readonly DecisionResult Done = new(true, true, null);
    public static readonly DecisionResult NotFound = new(false, false, "申请不存在");
    public static DecisionResult Refused(string error) => new(false, true, error);
}
