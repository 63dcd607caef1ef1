using System.Buffers.Binary;
using Beian.Core.Applications;
using Beian.Core.Filing;
using Beian.Core.Subjects;
using Beian.Web.Features.Applications;
using Beian.Web.Features.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Beian.Bench;

/// <summary>
/// The history of a <see cref="NationalDataset"/> as the platform writes it, row for row: for each subject and website the
/// application that filed it (新办, returned once and resubmitted for some), claimed and approved by its county's reviewer; the
/// 变更 and 注销 applications of the sites that were changed or cancelled; the open applications in the queues; each with its
/// transitions, the records' own transitions (RecordTransitions), the audit records (sealed, in one hash chain, in time order)
/// and the applicant's site message of each decision. Steps are written in time order: a step waits in a queue until the
/// subjects being written have passed its time. Audit records older than <paramref name="archiveBefore"/> go into archive
/// blocks of <see cref="AuditArchiver.BlockSize"/> (<see cref="AuditBlock"/>), as the platform's archiver would have moved them.
/// </summary>
public sealed class DatasetHistory(DatasetHistory.Targets targets, byte[][] subjectContents, byte[][] websiteContents,
    (long Sequence, string ChainHash) auditHead, DateTime archiveBefore)
{
    /// <summary>The COPY targets of the history's tables.</summary>
    public sealed record Targets(NpgsqlBinaryImporter Applications, NpgsqlBinaryImporter ApplicationTransitions,
        NpgsqlBinaryImporter RecordTransitions, NpgsqlBinaryImporter AuditRecords, NpgsqlBinaryImporter AuditBlocks,
        NpgsqlBinaryImporter SiteMessages);

    public const string ApplicationColumns = "\"Id\", \"Number\", \"OwnerUserId\", \"BusinessType\", \"SubjectId\", \"TargetId\", \"Title\", \"Status\", \"SnapshotCipher\", \"PreviousSnapshotCipher\", \"FindingsJson\", \"JurisdictionUnitCode\", \"SubmissionKey\", \"SubmittedAt\", \"DecidedAt\", \"DecidedByUserId\", \"DecisionNote\", \"Version\", \"AssignedReviewerUserId\", \"ReturnReasonsJson\"";
    public const string ApplicationTransitionColumns = "\"Id\", \"ApplicationId\", \"From\", \"To\", \"Action\", \"ActorUserId\", \"Note\", \"At\"";
    public const string RecordTransitionColumns = "\"Id\", \"RecordType\", \"RecordId\", \"Action\", \"From\", \"To\", \"ActorUserId\", \"Why\", \"At\"";
    public const string AuditColumns = "\"Id\", \"At\", \"UserId\", \"UserName\", \"UnitCode\", \"Action\", \"ObjectType\", \"ObjectId\", \"Outcome\", \"SourceIp\", \"Detail\", \"ContentHash\", \"Sequence\", \"PreviousHash\", \"ChainHash\", \"SealedAt\"";
    public const string AuditBlockColumns = "\"FirstSequence\", \"LastSequence\", \"RecordCount\", \"FromAt\", \"ToAt\", \"PreviousHash\", \"LastChainHash\", \"Payload\", \"ArchivedAt\"";
    public const string SiteMessageColumns = "\"Id\", \"UserId\", \"Title\", \"Body\", \"CreatedAt\", \"ReadAt\"";

    private const string ReturnNote = "网站负责人证件扫描件不清晰，请重新上传后提交";
    private readonly PriorityQueue<Action, DateTime> _steps = new();
    private readonly Random _random = new(7);
    private uint _idCounter;
    private long _sites;
    private long _sequence = auditHead.Sequence;
    private string _chainHash = auditHead.ChainHash;
    private readonly List<AuditRecord> _block = new(AuditArchiver.BlockSize);
    private bool _archiving = true;

    public long Applications { get; private set; }
    public long AuditRecords { get; private set; }
    public long AuditBlocks { get; private set; }
    public long Open { get; private set; }

    /// <summary>The reviewer of a county (the accounts the filing benchmark makes are named the same).</summary>
    public static string ReviewerOf(string unitCode) => $"bench-reviewer-{unitCode}";

    /// <summary>The subject's 新办主体 application, then each of its websites' history.</summary>
    public void Add(GeneratedSubject subject, string owner, long index)
    {
        var content = subjectContents[index % subjectContents.Length];
        var submitted = subject.ApprovedAt.AddDays(-3);
        Schedule(submitted, () => Filing(BusinessType.NewSubject, owner, subject, subject.Id, subject.Name, content, submitted,
            subject.ApprovedAt, returnedOnce: false, "Subject", SubjectStatus.Pending, SubjectStatus.Valid, "Approve"));
        foreach (var site in subject.Sites) AddSite(subject, site, owner);
        Release(submitted.AddDays(-10));
    }

    /// <summary>Writes every step still waiting (after the last subject).</summary>
    public void Complete()
    {
        Release(DateTime.MaxValue);
        StopArchiving();
    }

    private void AddSite(GeneratedSubject subject, GeneratedSite site, string owner)
    {
        var contentIndex = (int)(_sites++ % websiteContents.Length);
        var content = websiteContents[contentIndex];
        Schedule(site.SubmittedAt, () => Filing(BusinessType.NewWebsite, owner, subject, site.Id, site.Name, content, site.SubmittedAt,
            site.Life == SiteLife.Open ? null : site.FiledAt, site.ReturnedOnce, "Website", FilingStatus.Pending, FilingStatus.Filed, "File", site.NumberDisplay));
        if (site.Life == SiteLife.Changed)
        {
            var changed = websiteContents[(contentIndex + 1) % websiteContents.Length];
            Schedule(site.LaterAt, () => Later(BusinessType.ChangeWebsite, owner, subject, site, changed, content, FilingStatus.Changing,
                FilingStatus.Filed, "BeginChange", "EndChange"));
        }
        if (site.Life == SiteLife.Cancelled)
            Schedule(site.LaterAt, () => Later(BusinessType.CancelWebsite, owner, subject, site, content, null, FilingStatus.Cancelling,
                FilingStatus.Cancelled, "BeginCancel", "Cancel"));
    }

    private void Schedule(DateTime at, Action step) => _steps.Enqueue(step, at);

    private void Release(DateTime until)
    {
        while (_steps.TryPeek(out _, out var at) && at <= until) _steps.Dequeue()();
    }

    /// <summary>
    /// A first filing (新办主体, 新办网站): submitted (the record created Pending), claimed, returned and resubmitted when
    /// <paramref name="returnedOnce"/>, approved (the record moved to <paramref name="approvedStatus"/>), or, not
    /// <paramref name="decided"/>, left in the queue.
    /// </summary>
    private void Filing(BusinessType type, string owner, GeneratedSubject subject, Guid recordId, string title, byte[] content,
        DateTime submitted, DateTime? decided, bool returnedOnce, string recordType, object createdStatus, object approvedStatus,
        string approveAction, string? number = null)
    {
        var open = decided == null;
        var reviewer = ReviewerOf(subject.UnitCode);
        var applicationId = NewId(submitted);
        var applicationNumber = ApplicationNumbers.For(applicationId, submitted);
        var unit = subject.UnitCode;
        var claimed = !open || _random.NextDouble() < 0.3;
        var status = open ? (claimed ? ApplicationStatus.InReview : ApplicationStatus.Pending) : ApplicationStatus.Approved;
        WriteApplication(applicationId, applicationNumber, owner, type, subject.Id, recordId, title, status, content, null, unit, submitted,
            decided, open ? null : reviewer, claimed ? reviewer : null, returnedOnce);

        var at = submitted;
        var named = $"{type.ApplicationName()} {applicationNumber}";
        ApplicationStep(applicationId, named, null, ApplicationStatus.Pending, ApplicationAction.Submit, owner, null, at, officer: null);
        RecordStep(recordType, recordId, "Submit", null, createdStatus, owner, type.ApplicationName(), at, officer: null);
        if (returnedOnce)
        {
            at = at.AddHours(20);
            ApplicationStep(applicationId, named, ApplicationStatus.Pending, ApplicationStatus.InReview, ApplicationAction.Claim, reviewer, null, at, unit);
            ReadPersonalData(applicationNumber, applicationId, reviewer, unit, at.AddMinutes(1));
            ApplicationStep(applicationId, named, ApplicationStatus.InReview, ApplicationStatus.Returned, ApplicationAction.Return, reviewer, ReturnNote,
                at.AddMinutes(6), unit);
            Message(owner, $"{type.ApplicationName()}已退回", $"您的{type.ApplicationName()}（{title}，申请编号{applicationNumber}）已被退回，退回原因：{ReturnNote}。请登录平台在“我的申请”中修改后重新提交。", at.AddMinutes(6));
            at = at.AddDays(2);
            ApplicationStep(applicationId, named, ApplicationStatus.Returned, ApplicationStatus.Pending, ApplicationAction.Resubmit, owner, null, at, officer: null);
        }
        if (!claimed) return;
        var claimAt = open ? at.AddMinutes(30) : decided!.Value.AddMinutes(-8);
        ApplicationStep(applicationId, named, ApplicationStatus.Pending, ApplicationStatus.InReview, ApplicationAction.Claim, reviewer, null, claimAt, unit);
        ReadPersonalData(applicationNumber, applicationId, reviewer, unit, claimAt.AddMinutes(1));
        if (open) return;
        ApplicationStep(applicationId, named, ApplicationStatus.InReview, ApplicationStatus.Approved, ApplicationAction.Approve, reviewer, null, decided!.Value, unit);
        RecordStep(recordType, recordId, approveAction, createdStatus, approvedStatus, reviewer,
            $"{type.ApplicationName()}{applicationNumber}：审核通过", decided.Value, unit);
        var issued = number == null ? "。" : $"，公安备案号：{number}。";
        Message(owner, $"{type.ApplicationName()}已通过", $"您的{type.ApplicationName()}（{title}，申请编号{applicationNumber}）已审核通过{issued}", decided.Value);
    }

    /// <summary>A 变更 or 注销 of a filed site: the record moves to <paramref name="during"/> on submission and on approval to <paramref name="after"/>.</summary>
    private void Later(BusinessType type, string owner, GeneratedSubject subject, GeneratedSite site, byte[] content, byte[]? previous,
        FilingStatus during, FilingStatus after, string beginAction, string endAction)
    {
        var reviewer = ReviewerOf(subject.UnitCode);
        var submitted = site.LaterAt;
        var decided = submitted.AddHours(4 + _random.Next(60));
        var applicationId = NewId(submitted);
        var applicationNumber = ApplicationNumbers.For(applicationId, submitted);
        var unit = subject.UnitCode;
        WriteApplication(applicationId, applicationNumber, owner, type, subject.Id, site.Id, site.Name, ApplicationStatus.Approved, content, previous, unit,
            submitted, decided, reviewer, reviewer, returnedOnce: false);
        var named = $"{type.ApplicationName()} {applicationNumber}";
        ApplicationStep(applicationId, named, null, ApplicationStatus.Pending, ApplicationAction.Submit, owner, null, submitted, officer: null);
        RecordStep("Website", site.Id, beginAction, FilingStatus.Filed, during, owner, type.ApplicationName(), submitted, officer: null);
        ApplicationStep(applicationId, named, ApplicationStatus.Pending, ApplicationStatus.InReview, ApplicationAction.Claim, reviewer, null,
            decided.AddMinutes(-8), unit);
        ReadPersonalData(applicationNumber, applicationId, reviewer, unit, decided.AddMinutes(-7));
        ApplicationStep(applicationId, named, ApplicationStatus.InReview, ApplicationStatus.Approved, ApplicationAction.Approve, reviewer, null, decided, unit);
        RecordStep("Website", site.Id, endAction, during, after, reviewer, $"{type.ApplicationName()}{applicationNumber}：审核通过", decided, unit);
        Message(owner, $"{type.ApplicationName()}已通过", $"您的{type.ApplicationName()}（{site.Name}，申请编号{applicationNumber}）已审核通过。", decided);
    }

    private void WriteApplication(Guid id, string number, string owner, BusinessType type, Guid subjectId, Guid targetId, string title,
        ApplicationStatus status, byte[] content, byte[]? previous, string unit, DateTime submitted, DateTime? decided, string? decidedBy,
        string? assigned, bool returnedOnce)
    {
        var row = targets.Applications;
        row.StartRow();
        row.Write(id, NpgsqlDbType.Uuid);
        row.Write(number, NpgsqlDbType.Varchar);
        row.Write(owner, NpgsqlDbType.Varchar);
        row.Write(type.ToString(), NpgsqlDbType.Varchar);
        row.Write(subjectId, NpgsqlDbType.Uuid);
        row.Write(targetId, NpgsqlDbType.Uuid);
        row.Write(title, NpgsqlDbType.Varchar);
        row.Write(status.ToString(), NpgsqlDbType.Varchar);
        row.Write(content, NpgsqlDbType.Bytea);
        Nullable(row, previous, NpgsqlDbType.Bytea);
        row.Write("[]", NpgsqlDbType.Text);
        row.Write(unit, NpgsqlDbType.Varchar);
        row.Write(NewId(submitted), NpgsqlDbType.Uuid);
        row.Write(submitted, NpgsqlDbType.TimestampTz);
        if (decided is { } at) row.Write(at, NpgsqlDbType.TimestampTz); else row.WriteNull();
        Nullable(row, decidedBy, NpgsqlDbType.Varchar);
        row.WriteNull(); // an approval's note: none (a return's reasons are cleared by the approval that follows)
        row.Write(returnedOnce ? 5 : status == ApplicationStatus.Pending ? 0 : 2, NpgsqlDbType.Integer);
        Nullable(row, assigned, NpgsqlDbType.Varchar);
        row.WriteNull();
        Applications++;
        if (status is ApplicationStatus.Pending or ApplicationStatus.InReview) Open++;
    }

    private void ApplicationStep(Guid applicationId, string named, ApplicationStatus? from, ApplicationStatus to, ApplicationAction action,
        string actor, string? note, DateTime at, string? officer)
    {
        var row = targets.ApplicationTransitions;
        row.StartRow();
        row.Write(NewId(at), NpgsqlDbType.Uuid);
        row.Write(applicationId, NpgsqlDbType.Uuid);
        Nullable(row, from?.ToString(), NpgsqlDbType.Varchar);
        row.Write(to.ToString(), NpgsqlDbType.Varchar);
        row.Write(action.ToString(), NpgsqlDbType.Varchar);
        row.Write(actor, NpgsqlDbType.Varchar);
        Nullable(row, note, NpgsqlDbType.Varchar);
        row.Write(at, NpgsqlDbType.TimestampTz);
        var fromLabel = from?.Label() ?? "—";
        Audit(action.ToString(), AuditObjectTypes.Application, applicationId.ToString(), $"{named}：{fromLabel} → {to.Label()}", actor, officer, at);
    }

    private void RecordStep(string recordType, Guid recordId, string action, object? from, object to, string actor, string? why, DateTime at,
        string? officer)
    {
        var row = targets.RecordTransitions;
        row.StartRow();
        row.Write(NewId(at), NpgsqlDbType.Uuid);
        row.Write(recordType, NpgsqlDbType.Varchar);
        row.Write(recordId, NpgsqlDbType.Uuid);
        row.Write(action, NpgsqlDbType.Varchar);
        Nullable(row, from?.ToString(), NpgsqlDbType.Varchar);
        row.Write(to.ToString()!, NpgsqlDbType.Varchar);
        row.Write(actor, NpgsqlDbType.Varchar);
        Nullable(row, why, NpgsqlDbType.Varchar);
        row.Write(at, NpgsqlDbType.TimestampTz);
        var (auditAction, detail) = from == null
            ? (AuditActions.Create, $"状态：{AuditedStatuses.Label(to)}")
            : (AuditActions.ChangeStatus, $"{AuditedStatuses.Label(from)} → {AuditedStatuses.Label(to)}");
        Audit(auditAction, recordType, recordId.ToString(), detail, actor, officer, at);
    }

    private void ReadPersonalData(string applicationNumber, Guid applicationId, string reviewer, string unit, DateTime at) =>
        Audit(AuditActions.ReadPersonalData, AuditObjectTypes.Application, applicationId.ToString(), $"审核页面：{applicationNumber}", reviewer, unit, at);

    /// <summary>One audit record, attributed to the actor of the request (an officer with the unit), hashed and sealed into the chain.</summary>
    private void Audit(string action, string objectType, string objectId, string detail, string actor, string? officerUnit, DateTime at)
    {
        var record = AuditRecord.New(action, objectType, objectId, AuditOutcomes.Succeeded, detail, at);
        record.AttributeTo(new AuditActor(actor, actor, officerUnit, officerUnit == null ? "223.104.3.17" : "10.33.1.20"));
        record.Complete(AuditActor.System);
        record.Seal(++_sequence, _chainHash, at.AddSeconds(5));
        _chainHash = record.ChainHash!;
        AuditRecords++;
        if (_archiving && record.At < archiveBefore)
        {
            _block.Add(record);
            if (_block.Count == AuditArchiver.BlockSize) WriteBlock();
            return;
        }
        StopArchiving();
        WriteAuditRow(record);
    }

    /// <summary>From the first record inside the online period on, records stay rows; the part of a block gathered before it too.</summary>
    private void StopArchiving()
    {
        if (!_archiving) return;
        _archiving = false;
        foreach (var record in _block) WriteAuditRow(record);
        _block.Clear();
    }

    private void WriteBlock()
    {
        var block = AuditBlock.Of(_block, archiveBefore);
        var row = targets.AuditBlocks;
        row.StartRow();
        row.Write(block.FirstSequence, NpgsqlDbType.Bigint);
        row.Write(block.LastSequence, NpgsqlDbType.Bigint);
        row.Write(block.RecordCount, NpgsqlDbType.Integer);
        row.Write(block.FromAt, NpgsqlDbType.TimestampTz);
        row.Write(block.ToAt, NpgsqlDbType.TimestampTz);
        row.Write(block.PreviousHash, NpgsqlDbType.Varchar);
        row.Write(block.LastChainHash, NpgsqlDbType.Varchar);
        row.Write(block.Payload, NpgsqlDbType.Bytea);
        row.Write(block.ArchivedAt, NpgsqlDbType.TimestampTz);
        AuditBlocks++;
        _block.Clear();
    }

    private void WriteAuditRow(AuditRecord record)
    {
        var row = targets.AuditRecords;
        row.StartRow();
        row.Write(record.Id, NpgsqlDbType.Uuid);
        row.Write(record.At, NpgsqlDbType.TimestampTz);
        row.Write(record.UserId, NpgsqlDbType.Varchar);
        row.Write(record.UserName, NpgsqlDbType.Varchar);
        Nullable(row, record.UnitCode, NpgsqlDbType.Varchar);
        row.Write(record.Action, NpgsqlDbType.Varchar);
        row.Write(record.ObjectType, NpgsqlDbType.Varchar);
        row.Write(record.ObjectId, NpgsqlDbType.Varchar);
        row.Write(record.Outcome, NpgsqlDbType.Varchar);
        Nullable(row, record.SourceIp, NpgsqlDbType.Varchar);
        row.Write(record.Detail, NpgsqlDbType.Varchar);
        row.Write(Convert.FromHexString(record.ContentHash), NpgsqlDbType.Bytea);
        row.Write(record.Sequence!.Value, NpgsqlDbType.Bigint);
        row.Write(Convert.FromHexString(record.PreviousHash!), NpgsqlDbType.Bytea);
        row.Write(Convert.FromHexString(record.ChainHash!), NpgsqlDbType.Bytea);
        row.Write(record.SealedAt!.Value, NpgsqlDbType.TimestampTz);
    }

    private void Message(string owner, string title, string body, DateTime at)
    {
        var row = targets.SiteMessages;
        row.StartRow();
        row.Write(NewId(at), NpgsqlDbType.Uuid);
        row.Write(owner, NpgsqlDbType.Varchar);
        row.Write(title, NpgsqlDbType.Varchar);
        row.Write(body, NpgsqlDbType.Varchar);
        row.Write(at, NpgsqlDbType.TimestampTz);
        // Read within days, except the newest few.
        if (_random.NextDouble() < 0.9) row.Write(at.AddHours(1 + _random.Next(72)), NpgsqlDbType.TimestampTz); else row.WriteNull();
    }

    /// <summary>
    /// A version 7 id of the moment whose last 32 bits count up: application numbers end with those 8 hex digits, so
    /// no two of the dataset's applications share a number (random bits would collide a few times in ten million).
    /// </summary>
    private Guid NewId(DateTime at)
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)).TryWriteBytes(bytes, bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[12..], ++_idCounter);
        return new Guid(bytes, bigEndian: true);
    }

    private static void Nullable<T>(NpgsqlBinaryImporter row, T? value, NpgsqlDbType type) where T : class
    {
        if (value == null) row.WriteNull(); else row.Write(value, type);
    }
}
