using System.Text.Json;
using Beian.Core.Applications;
using Beian.Core.Filing;
using Beian.Core.Rules;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Drafts;
using Beian.Web.Features.Numbering;
using Beian.Web.Features.Subjects;
using Beian.Web.Features.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Beian.Web.Features.Filing;

/// <summary>
/// A business's filings as the shared pages use them, whatever the business: its records, its
/// pre-check, and 新办 / 变更 / 注销 / 修改后重新提交 as applications.
/// </summary>
public interface IBusinessFiling
{
    IBusiness Business { get; }

    /// <summary>The owner's record, or null (another account's record does not exist for them).</summary>
    Task<BusinessRecord?> OwnedAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default);

    /// <summary>The record whoever owns it: for the police, once the application's jurisdiction is checked.</summary>
    Task<BusinessRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The owner's records newest first; <paramref name="filedOnly"/>: those with a number (what 变更 and 注销 list).</summary>
    Task<IReadOnlyList<BusinessRecord>> OfOwnerAsync(string ownerUserId, bool filedOnly, int? take = null, CancellationToken cancellationToken = default);

    IBusinessForm Read(BusinessRecord record);

    /// <summary>The subject's records whose number is in force (已备案, 变更中, 注销中), oldest first.</summary>
    Task<IReadOnlyList<BusinessRecord>> FiledOfSubjectAsync(Guid subjectId, CancellationToken cancellationToken = default);

    /// <summary>The record a 公安备案号 was issued to if it is no longer in force (已注销), for the public record page.</summary>
    Task<BusinessRecord?> CancelledByNumberAsync(string digits, CancellationToken cancellationToken = default);

    /// <summary>The record whose 公安备案号 is in force (已备案, 变更中, 注销中), or null.</summary>
    Task<BusinessRecord?> InForceByNumberAsync(string digits, CancellationToken cancellationToken = default);

    IEnumerable<Guid> FileIds(IBusinessForm form);

    /// <summary>Step ② against the subject and what is filed today (<paramref name="recordId"/>: the record being changed or corrected).</summary>
    Task<IReadOnlyList<Finding>> CheckBasicInfoAsync(IBusinessForm form, Subject subject, SubjectForm subjectForm, Guid? recordId,
        CancellationToken cancellationToken = default);

    IReadOnlyList<Finding> CheckPeople(IBusinessForm form);

    /// <summary>
    /// Opens the wizard from elsewhere (a 未备案网站, a claim …): true when the query filled the form,
    /// false when it names nothing of the user's, null when it names nothing at all.
    /// </summary>
    Task<bool?> PrefillAsync(IBusinessForm form, IQueryCollection query, string userId);

    /// <summary>
    /// After step ② was posted and its files stored: the business tidies the form and reads what it can
    /// from the files (an APP's package); returns what to tell the person about it.
    /// </summary>
    Task<IReadOnlyList<string>> TakeFilesAsync(IBusinessForm form, CancellationToken cancellationToken = default);

    /// <summary>Where a filing comes from, said above the wizard's steps (a claim, a pushed record …), or null.</summary>
    string? OriginOf(IBusinessForm form);

    /// <summary>Why the record may not be cancelled now (a website that still answers), and what was found; both null when nothing was checked.</summary>
    Task<(string? Refusal, string Finding)> CheckCancellationAsync(BusinessRecord record, CancellationToken cancellationToken);

    Task<SubmissionResult> SubmitNewAsync(string ownerUserId, Subject subject, IBusinessForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default);

    Task<SubmissionResult> SubmitChangeAsync(string ownerUserId, BusinessRecord record, IBusinessForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default);

    Task<SubmissionResult> SubmitCancellationAsync(string ownerUserId, BusinessRecord record, CancellationRequest request,
        Guid submissionKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// 修改后重新提交 of a returned 新办 or 变更 (<see cref="ApplicationService.ResubmitAsync{TForm}"/>):
    /// a new filing's record takes the corrected content at once, a change waits for approval as before.
    /// </summary>
    Task ApplyCorrectionAsync(FilingApplication application, string ownerUserId, IBusinessForm form, CancellationToken cancellationToken = default);
}

/// <summary>
/// Everything websites, APPs and 小程序 do alike, written once: submissions in one transaction each (a
/// retried submission with the same key returns the first), the pre-check of the people, and what the
/// decisions on its applications do to the records — approval files the record with a 公安备案号 of the
/// business's category issued by the reviewing unit, a change is applied, a cancellation cancels, a
/// return or revocation moves the record back — and what subject-level operations do to them all
/// (注销主体, 接收主体, a corrected address). A business supplies its record, its form, its step ② check
/// and, through the hooks, its public projection and its own steps.
/// </summary>
public abstract class BusinessFiling<TRecord, TForm>(BusinessFilingServices services)
    : IBusinessFiling, IApplicationEffects, ISubjectDependents, IReviewChecks
    where TRecord : BusinessRecord
    where TForm : class, IBusinessForm, new()
{
    protected BeianDbContext Db => services.Db;

    public abstract IBusiness Business { get; }

    public IReadOnlyCollection<BusinessType> Handles => Business.Types;

    protected DbSet<TRecord> Records => services.Db.Set<TRecord>();

    // ---- what a business supplies

    protected abstract TRecord NewRecord(Guid subjectId, string ownerUserId, RecordStep step);

    /// <summary>Writes the form into the record: the encrypted whole (done here) and the business's own columns.</summary>
    protected abstract void Project(TRecord record, TForm form);

    protected abstract Task<IReadOnlyList<Finding>> CheckBasicInfoAsync(TForm form, Subject subject, SubjectForm subjectForm, Guid? recordId,
        CancellationToken cancellationToken);

    /// <summary>The 业务类型 of a new filing of this form (a website claim is 网站认领).</summary>
    protected virtual BusinessType NewTypeOf(TForm form) => Business.NewType;

    /// <summary>Findings about the submission itself, for the reviewer (a claim by someone else …).</summary>
    protected virtual Task<IEnumerable<Finding>> SubmissionFindingsAsync(TForm form, Subject subject, CancellationToken cancellationToken) =>
        Task.FromResult(Enumerable.Empty<Finding>());

    /// <summary>The number of a newly approved filing: a new one of the business's category, unless the business keeps one.</summary>
    protected virtual async Task<(string Digits, string Display)> NumberForAsync(FilingApplication application, TForm form, TRecord record,
        CancellationToken cancellationToken)
    {
        var number = await services.Numbers.NextAsync(application.JurisdictionUnitCode, Business.Category, cancellationToken);
        return (number.Digits, number.Display);
    }

    /// <summary>The record was just filed, changed or cancelled: its public face (公共查询) follows in the same transaction.</summary>
    protected virtual Task OnFiledAsync(TRecord record, TForm form, FilingApplication application, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnChangedAsync(TRecord record, TForm form, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnRemovedAsync(TRecord record, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The line of the approval notice: the number and what to do with it.</summary>
    /// <summary>What an approved 新办 issued, for the approval notice: the 公安备案号 and where to show it.</summary>
    protected virtual string ApprovalLine(TRecord record) => $"公安备案号：{record.NumberDisplay}";

    public virtual Task<bool?> PrefillAsync(IBusinessForm form, IQueryCollection query, string userId) => Task.FromResult<bool?>(null);

    public virtual string? OriginOf(IBusinessForm form) => null;

    public virtual Task<IReadOnlyList<string>> TakeFilesAsync(TForm form, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    Task<IReadOnlyList<string>> IBusinessFiling.TakeFilesAsync(IBusinessForm form, CancellationToken cancellationToken) =>
        TakeFilesAsync((TForm)form, cancellationToken);

    public virtual Task<(string? Refusal, string Finding)> CheckCancellationAsync(BusinessRecord record, CancellationToken cancellationToken) =>
        Task.FromResult<(string?, string)>((null, string.Empty));

    public virtual IEnumerable<Guid> FileIds(TForm form) => form.BasicInfoSection.FileSlots().Select(s => s.Current)
        .Concat(form.People.FileIds().Select(id => (Guid?)id)).OfType<Guid>().Distinct();

    // ---- records

    public string AttachmentKey(Guid recordId) => $"{Business.RecordType.ToLowerInvariant()}:{recordId}";

    public async Task<BusinessRecord?> OwnedAsync(Guid id, string ownerUserId, CancellationToken cancellationToken = default) =>
        await Records.FirstOrDefaultAsync(r => r.Id == id && r.OwnerUserId == ownerUserId, cancellationToken);

    public async Task<BusinessRecord?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<BusinessRecord>> OfOwnerAsync(string ownerUserId, bool filedOnly, int? take = null,
        CancellationToken cancellationToken = default)
    {
        var query = Records.AsNoTracking().Where(r => r.OwnerUserId == ownerUserId);
        if (filedOnly) query = query.Where(r => r.NumberDigits != null);
        var ordered = query.OrderByDescending(r => r.CreatedAt);
        return await (take is { } n ? ordered.Take(n) : ordered).ToListAsync(cancellationToken);
    }

    public TForm Read(TRecord record) => ReadCipher(record.DataCipher);

    /// <summary>A record's content from its stored cipher alone (a bulk read that projects the column).</summary>
    public TForm ReadCipher(string dataCipher) => services.Snapshots.Open<TForm>(dataCipher);

    private static readonly FilingStatus[] InForce = [FilingStatus.Filed, FilingStatus.Changing, FilingStatus.Cancelling];

    public async Task<IReadOnlyList<BusinessRecord>> FiledOfSubjectAsync(Guid subjectId, CancellationToken cancellationToken = default) =>
        await Records.AsNoTracking().Where(r => r.SubjectId == subjectId && InForce.Contains(r.Status))
            .OrderBy(r => r.FiledAt).ToListAsync(cancellationToken);

    public async Task<BusinessRecord?> CancelledByNumberAsync(string digits, CancellationToken cancellationToken = default) =>
        await Records.AsNoTracking().FirstOrDefaultAsync(r => r.NumberDigits == digits && r.Status == FilingStatus.Cancelled, cancellationToken);

    public async Task<BusinessRecord?> InForceByNumberAsync(string digits, CancellationToken cancellationToken = default) =>
        await Records.AsNoTracking().FirstOrDefaultAsync(r => r.NumberDigits == digits && InForce.Contains(r.Status), cancellationToken);

    IBusinessForm IBusinessFiling.Read(BusinessRecord record) => Read((TRecord)record);

    IEnumerable<Guid> IBusinessFiling.FileIds(IBusinessForm form) => FileIds((TForm)form);

    public void Store(TRecord record, TForm form, string jurisdictionUnitCode)
    {
        record.Name = form.BasicInfoSection.Name?.Trim() ?? string.Empty;
        record.Interactive = form.BasicInfoSection.ProvidesInteractiveServices == true;
        record.DataCipher = services.Snapshots.Seal(form);
        record.JurisdictionUnitCode = jurisdictionUnitCode;
        Project(record, form);
    }

    // ---- pre-check

    Task<IReadOnlyList<Finding>> IBusinessFiling.CheckBasicInfoAsync(IBusinessForm form, Subject subject, SubjectForm subjectForm, Guid? recordId,
        CancellationToken cancellationToken) => CheckBasicInfoAsync((TForm)form, subject, subjectForm, recordId, cancellationToken);

    public IReadOnlyList<Finding> CheckPeople(IBusinessForm form) =>
        services.People.Check(form.People, Business.Noun, Business.OffersOpinionGuide);

    /// <summary>The pre-check run again when the reviewer opens the application: a name or identifier may have been filed since.</summary>
    public async Task<IReadOnlyList<Finding>> RecheckAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        if (Business.PhaseOf(application.BusinessType) == FilingPhase.Cancel) return ReviewFindings.Submitted(application);
        var form = services.Snapshots.Open<TForm>(application.SnapshotCipher);
        var subject = await Db.Subjects.AsNoTracking().FirstAsync(s => s.Id == application.SubjectId, cancellationToken);
        var basic = await CheckBasicInfoAsync(form, subject, services.Subjects.Read(subject), application.TargetId, cancellationToken);
        return [.. basic, .. CheckPeople(form)];
    }

    // ---- submissions

    public async Task<SubmissionResult> SubmitNewAsync(string ownerUserId, Subject subject, IBusinessForm submitted, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default)
    {
        var form = (TForm)submitted;
        var earlier = await Db.Applications.BySubmissionKeyAsync(ownerUserId, submissionKey, cancellationToken);
        if (earlier != null) return SubmissionResult.Ok(earlier);
        if (subject.OwnerUserId != ownerUserId || !SubjectStateMachine.AcceptsNewBusiness(subject.Status))
            return SubmissionResult.Refused($"主体处于“{subject.Status.Label()}”状态，不能办理新{Business.Noun}备案");

        var step = new RecordStep(ownerUserId, Now, NewTypeOf(form).ApplicationName());
        var record = NewRecord(subject.Id, ownerUserId, step);
        Store(record, form, subject.JurisdictionUnitCode);
        var application = FilingApplication.Submit(ownerUserId, NewTypeOf(form), subject.Id, record.Id, record.Name,
            subject.JurisdictionUnitCode, submissionKey, step.At);
        application.SnapshotCipher = services.Snapshots.Seal(form);
        application.FindingsJson = JsonSerializer.Serialize(findings.Concat(await SubmissionFindingsAsync(form, subject, cancellationToken)));
        Records.Add(record);
        Db.Applications.Add(application);
        return await Db.CommitSubmissionAsync(application, async () =>
        {
            await services.Uploads.AttachAsync(FileIds(form), ownerUserId, AttachmentKey(record.Id), subject.JurisdictionUnitCode, cancellationToken);
            await services.Drafts.DeleteAsync(ownerUserId, Business.NewType, subject.Id, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>变更: the new content waits as an application; the record is 变更中 until reviewed.</summary>
    public Task<SubmissionResult> SubmitChangeAsync(string ownerUserId, BusinessRecord record, IBusinessForm form, IReadOnlyList<Finding> findings,
        Guid submissionKey, CancellationToken cancellationToken = default) =>
        SubmitOnFiledAsync(ownerUserId, (TRecord)record, Business.ChangeType, submissionKey, (r, step) => r.BeginChange(step), application =>
        {
            application.SnapshotCipher = services.Snapshots.Seal((TForm)form);
            application.PreviousSnapshotCipher = record.DataCipher;
            application.FindingsJson = JsonSerializer.Serialize(findings);
            return FileIds((TForm)form);
        }, cancellationToken);

    /// <summary>注销: 注销中 until reviewed.</summary>
    public Task<SubmissionResult> SubmitCancellationAsync(string ownerUserId, BusinessRecord record, CancellationRequest request,
        Guid submissionKey, CancellationToken cancellationToken = default) =>
        SubmitOnFiledAsync(ownerUserId, (TRecord)record, Business.CancelType, submissionKey, (r, step) => r.BeginCancel(step), application =>
        {
            application.SnapshotCipher = services.Snapshots.Seal(request);
            return request.AttachmentFileId is { } file ? [file] : [];
        }, cancellationToken);

    private async Task<SubmissionResult> SubmitOnFiledAsync(string ownerUserId, TRecord record, BusinessType type, Guid submissionKey,
        Action<TRecord, RecordStep> begin, Func<FilingApplication, IEnumerable<Guid>> fill, CancellationToken cancellationToken)
    {
        var earlier = await Db.Applications.BySubmissionKeyAsync(ownerUserId, submissionKey, cancellationToken);
        if (earlier != null) return SubmissionResult.Ok(earlier);
        if (record.OwnerUserId != ownerUserId) return SubmissionResult.Refused($"{Business.Noun}不存在");
        if (await Db.Applications.AnyAsync(a => a.TargetId == record.Id && OpenStatuses.All.Contains(a.Status), cancellationToken))
            return SubmissionResult.Refused(SubmissionCommit.PendingDocumentMessage);
        var step = new RecordStep(ownerUserId, Now, type.ApplicationName());
        try
        {
            begin(record, step);
        }
        catch (IllegalTransitionException refusal)
        {
            return SubmissionResult.Refused(refusal.Message);
        }
        var application = FilingApplication.Submit(ownerUserId, type, record.SubjectId, record.Id, record.Name,
            record.JurisdictionUnitCode, submissionKey, step.At);
        var files = fill(application).ToList();
        Db.Applications.Add(application);
        return await Db.CommitSubmissionAsync(application, () =>
            services.Uploads.AttachAsync(files, ownerUserId, AttachmentKey(record.Id), record.JurisdictionUnitCode, cancellationToken), cancellationToken);
    }

    public async Task ApplyCorrectionAsync(FilingApplication application, string ownerUserId, IBusinessForm submitted,
        CancellationToken cancellationToken = default)
    {
        var form = (TForm)submitted;
        var record = await Records.FirstAsync(r => r.Id == application.TargetId && r.OwnerUserId == ownerUserId, cancellationToken);
        if (Business.PhaseOf(application.BusinessType) == FilingPhase.New) Store(record, form, record.JurisdictionUnitCode);
        await services.Uploads.AttachAsync(FileIds(form), ownerUserId, AttachmentKey(record.Id), record.JurisdictionUnitCode, cancellationToken);
    }

    // ---- decisions (IApplicationEffects): inside the decision's transaction, never saving

    /// <summary>An interactive filing is approved only after a 面审 or 实地检查 found it 合格 (seed 000 第四步).</summary>
    public async Task<string?> RefuseApprovalAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        if (Business.PhaseOf(application.BusinessType) != FilingPhase.New) return null;
        var record = await RecordOfAsync(application, cancellationToken);
        return record.Interactive && !await services.Inspections.HasPassedAsync(application.Id, cancellationToken)
            ? $"交互式{Business.Noun}须经面审或实地检查合格后才能审核通过，请先【要求面审】或【要求实地检查】并记录结果"
            : null;
    }

    public async Task<string?> OnApprovedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var record = await RecordOfAsync(application, cancellationToken);
        var step = application.LatestStep;
        switch (Business.PhaseOf(application.BusinessType))
        {
            case FilingPhase.Change:
                var changed = services.Snapshots.Open<TForm>(application.SnapshotCipher);
                Store(record, changed, record.JurisdictionUnitCode);
                record.EndChange(step);
                await OnChangedAsync(record, changed, cancellationToken);
                return $"公安备案号{record.NumberDisplay}不变";
            case FilingPhase.Cancel:
                record.Cancel(step);
                await OnRemovedAsync(record, cancellationToken);
                return $"公安备案号{record.NumberDisplay}已注销";
        }
        var form = services.Snapshots.Open<TForm>(application.SnapshotCipher);
        var (digits, display) = await NumberForAsync(application, form, record, cancellationToken);
        record.File(digits, display, step);
        await OnFiledAsync(record, form, application, cancellationToken);
        return ApprovalLine(record);
    }

    public async Task OnResubmittedAsync(FilingApplication application, CancellationToken cancellationToken)
    {
        var record = await RecordOfAsync(application, cancellationToken);
        switch (Business.PhaseOf(application.BusinessType))
        {
            case FilingPhase.New:
                record.Resubmit(application.LatestStep);
                break;
            case FilingPhase.Change:
                record.BeginChange(application.LatestStep);
                break;
            default:
                throw new IllegalTransitionException("注销申请被退回后请重新发起注销");
        }
    }

    public async Task OnReturnedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        Close(await RecordOfAsync(application, cancellationToken), application, returned: true);

    public async Task OnRevokedAsync(FilingApplication application, CancellationToken cancellationToken) =>
        Close(await RecordOfAsync(application, cancellationToken), application, returned: false);

    /// <summary>A returned or revoked application: a new record returned or withdrawn, a filed one back in force.</summary>
    private void Close(TRecord record, FilingApplication application, bool returned)
    {
        var step = application.LatestStep;
        switch (Business.PhaseOf(application.BusinessType))
        {
            case FilingPhase.New when returned:
                record.Return(step);
                break;
            case FilingPhase.New:
                record.Withdraw(step);
                break;
            case FilingPhase.Change:
                record.EndChange(step);
                break;
            default:
                record.KeepFiled(step);
                break;
        }
    }

    // ---- the subject's operations (ISubjectDependents)

    /// <summary>An approved 注销主体 cancels every record of the subject with it.</summary>
    public async Task CancelAllOfAsync(Guid subjectId, RecordStep step, CancellationToken cancellationToken)
    {
        foreach (var record in await Records.Where(r => r.SubjectId == subjectId).ToListAsync(cancellationToken))
        {
            var wasPublic = record.NumberDigits != null && record.Status is FilingStatus.Filed or FilingStatus.Changing or FilingStatus.Cancelling;
            if (record.CancelWithSubject(step) && wasPublic) await OnRemovedAsync(record, cancellationToken);
        }
    }

    /// <summary>接收主体: the subject's records and their files belong to the receiver now.</summary>
    public async Task TransferAllOfAsync(Guid subjectId, string fromUserId, string toUserId, CancellationToken cancellationToken)
    {
        var step = new RecordStep(toUserId, Now, "接收主体");
        var records = await Records.Where(r => r.SubjectId == subjectId).ToListAsync(cancellationToken);
        records.ForEach(r => r.TransferTo(toUserId, step));
        await services.Uploads.TransferAsync(records.Select(r => AttachmentKey(r.Id)).ToList(), fromUserId, toUserId, cancellationToken);
    }

    /// <summary>A corrected 新增主体 address placed the subject in another county: its waiting records and their files follow.</summary>
    public async Task MoveToJurisdictionAsync(Guid subjectId, string unitCode, CancellationToken cancellationToken)
    {
        foreach (var record in await Records.Where(r => r.SubjectId == subjectId).ToListAsync(cancellationToken))
        {
            record.JurisdictionUnitCode = unitCode;
            await services.Uploads.SetJurisdictionAsync(AttachmentKey(record.Id), unitCode, cancellationToken);
        }
    }

    /// <summary>An approved 变更主体: the holder's name as the public sees it.</summary>
    public virtual Task OnSubjectChangedAsync(Subject subject, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<TRecord> RecordOfAsync(FilingApplication application, CancellationToken cancellationToken) =>
        await Records.FirstAsync(r => r.Id == application.TargetId, cancellationToken);

    private DateTime Now => services.Clock.GetUtcNow().UtcDateTime;
}

/// <summary>What every <see cref="BusinessFiling{TRecord, TForm}"/> uses, in one constructor argument.</summary>
public sealed class BusinessFilingServices(
    BeianDbContext db,
    ApplicationSnapshots snapshots,
    SubjectService subjects,
    DraftService drafts,
    UploadService uploads,
    FilingNumberAllocator numbers,
    Inspections.InspectionRecords inspections,
    PeopleChecks people,
    TimeProvider clock)
{
    public BeianDbContext Db => db;
    public ApplicationSnapshots Snapshots => snapshots;
    public SubjectService Subjects => subjects;
    public DraftService Drafts => drafts;
    public UploadService Uploads => uploads;
    public FilingNumberAllocator Numbers => numbers;
    public Inspections.InspectionRecords Inspections => inspections;
    public PeopleChecks People => people;
    public TimeProvider Clock => clock;
}
