using Beian.Core.Filing;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Filing;

/// <summary>
/// A business of a subject — a website, an APP, a 小程序 — as filed. Its full content (the business's
/// form, with people's ID numbers and phones) is stored encrypted; beside it stand the columns lists and
/// look-ups need. Its status changes only through the named transitions below, which follow
/// <see cref="FilingStateMachine"/>, throw on an illegal move and record who, when, from, to and why.
/// </summary>
public abstract class BusinessRecord : IVersioned, IRecordsTransitions
{
    private readonly PendingTransitions _pending = new();

    public Guid Id { get; set; }
    public Guid SubjectId { get; set; }
    public string OwnerUserId { get; private set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    /// <summary>Provides 互联网交互服务: approved only after a 面审 or 实地检查 found it 合格.</summary>
    public bool Interactive { get; set; }
    public string DataCipher { get; set; } = string.Empty;
    public string JurisdictionUnitCode { get; set; } = string.Empty;
    public FilingStatus Status { get; private set; }
    /// <summary>The 14 digits of the 公安备案号 once filed.</summary>
    public string? NumberDigits { get; private set; }
    public string? NumberDisplay { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? FiledAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public int Version { get; set; }

    /// <summary>Website, App …: the audit's object type and the transitions' record type.</summary>
    public abstract string RecordType { get; }

    /// <summary>网站, APP …: how messages name it.</summary>
    protected abstract string Noun { get; }

    protected void Open(Guid subjectId, string ownerUserId, RecordStep step)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        OwnerUserId = ownerUserId;
        Status = FilingStatus.Pending;
        CreatedAt = step.At;
        _pending.Add(RecordType, Id, "Submit", null, Status.ToString(), step);
    }

    /// <summary>新办 approved: filed with its 公安备案号.</summary>
    public void File(string numberDigits, string numberDisplay, RecordStep step)
    {
        Move(FilingEvent.NewApproved, nameof(File), step);
        NumberDigits = numberDigits;
        NumberDisplay = numberDisplay;
        FiledAt = step.At;
    }

    public void Return(RecordStep step) => Move(FilingEvent.NewReturned, nameof(Return), step);

    public void Resubmit(RecordStep step) => Move(FilingEvent.NewResubmitted, nameof(Resubmit), step);

    /// <summary>The new filing was revoked by its owner (撤销申请).</summary>
    public void Withdraw(RecordStep step) => Move(FilingEvent.NewRevoked, nameof(Withdraw), step);

    public void BeginChange(RecordStep step) => Move(FilingEvent.ChangeSubmitted, nameof(BeginChange), step);

    /// <summary>The change was approved (its content is stored by the caller), returned or revoked: filed again.</summary>
    public void EndChange(RecordStep step) => Move(FilingEvent.ChangeClosed, nameof(EndChange), step);

    public void BeginCancel(RecordStep step) => Move(FilingEvent.CancelSubmitted, nameof(BeginCancel), step);

    public void Cancel(RecordStep step)
    {
        Move(FilingEvent.CancelApproved, nameof(Cancel), step);
        CancelledAt = step.At;
    }

    /// <summary>The cancellation was returned or revoked: the filing stays in force.</summary>
    public void KeepFiled(RecordStep step) => Move(FilingEvent.CancelClosed, nameof(KeepFiled), step);

    /// <summary>注销主体 approved: every business of the subject goes with it, whatever it was doing.</summary>
    public bool CancelWithSubject(RecordStep step)
    {
        if (!FilingStateMachine.CanApply(Status, FilingEvent.SubjectCancelled)) return false;
        Move(FilingEvent.SubjectCancelled, nameof(CancelWithSubject), step);
        if (Status == FilingStatus.Cancelled) CancelledAt = step.At;
        return true;
    }

    /// <summary>接收主体: the record belongs to the receiver of its subject.</summary>
    public void TransferTo(string ownerUserId, RecordStep step)
    {
        if (ownerUserId == OwnerUserId) return;
        OwnerUserId = ownerUserId;
        _pending.Add(RecordType, Id, nameof(TransferTo), Status.ToString(), Status.ToString(), step);
    }

    /// <summary>A claimed offline filing keeps its number; nothing else sets one but <see cref="File"/>.</summary>
    public bool CanApply(FilingEvent happening) => FilingStateMachine.CanApply(Status, happening);

    public IReadOnlyList<RecordTransition> TakeNewTransitions() => _pending.Take();

    private void Move(FilingEvent happening, string action, RecordStep step)
    {
        if (!FilingStateMachine.CanApply(Status, happening))
            throw new Beian.Core.Applications.IllegalTransitionException($"{Noun}处于“{Status.Label()}”状态，不能办理该业务");
        var from = Status;
        Status = FilingStateMachine.Apply(from, happening);
        _pending.Add(RecordType, Id, action, from.ToString(), Status.ToString(), step);
    }
}

/// <summary>The columns every business record maps the same way.</summary>
public static class BusinessRecordMapping
{
    public static void MapBusinessRecord<TRecord>(this EntityTypeBuilder<TRecord> builder) where TRecord : BusinessRecord
    {
        builder.Ignore(r => r.RecordType);
        builder.Property(r => r.OwnerUserId).HasMaxLength(450);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.JurisdictionUnitCode).HasMaxLength(6);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.NumberDigits).HasMaxLength(14);
        builder.Property(r => r.NumberDisplay).HasMaxLength(40);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.NumberDigits).IsUnique();
        builder.HasIndex(r => new { r.SubjectId, r.Status });
        builder.HasIndex(r => new { r.OwnerUserId, r.Status });
        builder.HasIndex(r => new { r.JurisdictionUnitCode, r.FiledAt });
        builder.HasIndex(r => r.FiledAt);
    }
}
