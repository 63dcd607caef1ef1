using Beian.Core.Applications;
using Beian.Core.Subjects;
using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 开办主体. Its full content (a <see cref="SubjectForm"/>, with ID numbers and phones) is stored
/// encrypted in <see cref="DataCipher"/>; beside it stand the columns that lists, the police and
/// look-ups need: the name, the nature, the jurisdiction and keyed hashes of the certificate
/// numbers and the principal's mobile. Status changes only through the named
/// transitions below, which follow <see cref="SubjectStateMachine"/> and record who, when, from, to and why.
/// </summary>
public class Subject : IVersioned, Filing.IRecordsTransitions
{
    public const string Type = "Subject";

    private readonly Filing.PendingTransitions _pending = new();

    public Guid Id { get; set; }
    public string OwnerUserId { get; private set; } = string.Empty;
    public SubjectNature Nature { get; set; }
    public string Name { get; set; } = string.Empty;
    public string DataCipher { get; set; } = string.Empty;
    /// <summary>Keyed hash of the 主办单位证件号 (单位) or the 负责人证件号码 (个人): claims match on it.</summary>
    public string CertificateHash { get; set; } = string.Empty;
    public string PrincipalCertificateHash { get; set; } = string.Empty;
    public string PrincipalMobileHash { get; set; } = string.Empty;
    public string JurisdictionUnitCode { get; set; } = string.Empty;
    public SubjectStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public int Version { get; set; }

    public static Subject NewPending(string ownerUserId, Filing.RecordStep step)
    {
        var subject = new Subject
        {
            Id = Guid.CreateVersion7(),
            OwnerUserId = ownerUserId,
            Status = SubjectStatus.Pending,
            CreatedAt = step.At,
        };
        subject._pending.Add(Type, subject.Id, "Submit", null, subject.Status.ToString(), step);
        return subject;
    }

    /// <summary>新增主体 approved with its first business: the subject is 有效.</summary>
    public void Approve(Filing.RecordStep step)
    {
        Move(SubjectEvent.NewApproved, nameof(Approve), step);
        ApprovedAt = step.At;
    }

    public void Return(Filing.RecordStep step) => Move(SubjectEvent.NewReturned, nameof(Return), step);

    public void Resubmit(Filing.RecordStep step) => Move(SubjectEvent.NewResubmitted, nameof(Resubmit), step);

    /// <summary>The 新增主体 application was revoked by its owner.</summary>
    public void Withdraw(Filing.RecordStep step) => Move(SubjectEvent.NewRevoked, nameof(Withdraw), step);

    public void BeginChange(Filing.RecordStep step) => Move(SubjectEvent.ChangeSubmitted, nameof(BeginChange), step);

    /// <summary>The change was approved (its content stored by the caller), returned or revoked: 有效 again.</summary>
    public void EndChange(Filing.RecordStep step) => Move(SubjectEvent.ChangeClosed, nameof(EndChange), step);

    public void BeginCancel(Filing.RecordStep step) => Move(SubjectEvent.CancelSubmitted, nameof(BeginCancel), step);

    public void Cancel(Filing.RecordStep step)
    {
        Move(SubjectEvent.CancelApproved, nameof(Cancel), step);
        CancelledAt = step.At;
    }

    /// <summary>The cancellation was returned or revoked: the subject stays 有效.</summary>
    public void KeepValid(Filing.RecordStep step) => Move(SubjectEvent.CancelClosed, nameof(KeepValid), step);

    /// <summary>移交主体: 移交中 until the receiver acts or the sender withdraws.</summary>
    public void BeginTransfer(Filing.RecordStep step) => Move(SubjectEvent.TransferStarted, nameof(BeginTransfer), step);

    /// <summary>The sender withdrew the transfer: 有效 again, with the same owner.</summary>
    public void WithdrawTransfer(Filing.RecordStep step) => Move(SubjectEvent.TransferClosed, nameof(WithdrawTransfer), step);

    /// <summary>接收主体: the receiver owns the subject, 有效 again.</summary>
    public void TransferTo(string ownerUserId, Filing.RecordStep step)
    {
        Move(SubjectEvent.TransferClosed, nameof(TransferTo), step);
        OwnerUserId = ownerUserId;
    }

    public bool CanApply(SubjectEvent happening) => SubjectStateMachine.CanApply(Status, happening);

    public bool IsCurrent => Status is not (SubjectStatus.Cancelled or SubjectStatus.Withdrawn);

    public IReadOnlyList<Filing.RecordTransition> TakeNewTransitions() => _pending.Take();

    private void Move(SubjectEvent happening, string action, Filing.RecordStep step)
    {
        var from = Status;
        Status = SubjectStateMachine.Apply(from, happening);
        _pending.Add(Type, Id, action, from.ToString(), Status.ToString(), step);
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.Property(s => s.OwnerUserId).HasMaxLength(450);
        builder.Property(s => s.Nature).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.CertificateHash).HasMaxLength(64);
        builder.Property(s => s.PrincipalCertificateHash).HasMaxLength(64);
        builder.Property(s => s.PrincipalMobileHash).HasMaxLength(64);
        builder.Property(s => s.JurisdictionUnitCode).HasMaxLength(6);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.OwnerUserId, s.Status });
        builder.HasIndex(s => s.CertificateHash);
        builder.HasIndex(s => s.JurisdictionUnitCode);
    }
}
