using Beian.Core.Reporting;
using Beian.Web.Data;
using Beian.Web.Features.Filing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Reporting;

/// <summary>
/// A 单位 subject's 服务商 or 应用市场 status: applied for, reviewed by the subject's jurisdiction, and once
/// approved the holder of reports and API keys. Its form (with the contact's mobile) is stored encrypted; beside
/// it stand what lists and the matching need. Status changes only through the named transitions below.
/// </summary>
public class Reporter : IVersioned, IRecordsTransitions
{
    public const string Type = "Reporter";

    private readonly PendingTransitions _pending = new();

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public string OwnerUserId { get; private set; } = string.Empty;
    public ReporterRole Role { get; private set; }
    public ProviderServices Services { get; private set; }
    /// <summary>The subject's name as the police and the lists show it (单位名称).</summary>
    public string Name { get; private set; } = string.Empty;
    public string LicenceNumber { get; private set; } = string.Empty;
    /// <summary>所在地区: the county where it operates.</summary>
    public string RegionCode { get; private set; } = string.Empty;
    public string JurisdictionUnitCode { get; set; } = string.Empty;
    public ReporterStatus Status { get; private set; }
    public string DataCipher { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public int Version { get; set; }

    public bool MayReport => Status == ReporterStatus.Approved;

    public static Reporter Apply(Guid subjectId, string ownerUserId, string subjectName, string unitCode, ReporterRole role, RecordStep step)
    {
        var reporter = new Reporter
        {
            Id = Guid.CreateVersion7(), SubjectId = subjectId, OwnerUserId = ownerUserId, Name = subjectName, JurisdictionUnitCode = unitCode,
            Role = role, Status = ReporterStatus.Pending, CreatedAt = step.At,
        };
        reporter._pending.Add(Type, reporter.Id, nameof(Apply), null, reporter.Status.ToString(), step);
        return reporter;
    }

    /// <summary>The applicant's content as submitted (first time, or corrected), already normalised (<see cref="ReporterForm.Normalize"/>).</summary>
    public void Fill(ReporterForm form, string dataCipher)
    {
        Services = form.ServiceFlags;
        LicenceNumber = form.LicenceNumber ?? string.Empty;
        RegionCode = form.RegionCode ?? string.Empty;
        DataCipher = dataCipher;
    }

    public void Return(RecordStep step) => Move(ReporterEvent.Returned, nameof(Return), step);

    public void Resubmit(RecordStep step) => Move(ReporterEvent.Resubmitted, nameof(Resubmit), step);

    public void Approve(RecordStep step)
    {
        Move(ReporterEvent.Approved, nameof(Approve), step);
        ApprovedAt = step.At;
    }

    public void Revoke(RecordStep step) => Move(ReporterEvent.Revoked, nameof(Revoke), step);

    /// <summary>注销主体: a subject that is gone reports nothing any more.</summary>
    public void Cancel(RecordStep step)
    {
        if (Status is ReporterStatus.Withdrawn or ReporterStatus.Cancelled) return;
        Move(ReporterEvent.Cancelled, nameof(Cancel), step);
    }

    /// <summary>接收主体: the status belongs to the receiver of its subject.</summary>
    public void TransferTo(string ownerUserId, RecordStep step)
    {
        if (ownerUserId == OwnerUserId) return;
        OwnerUserId = ownerUserId;
        _pending.Add(Type, Id, nameof(TransferTo), Status.ToString(), Status.ToString(), step);
    }

    public void Rename(string subjectName) => Name = subjectName;

    public IReadOnlyList<RecordTransition> TakeNewTransitions() => _pending.Take();

    private void Move(ReporterEvent happening, string action, RecordStep step)
    {
        var from = Status;
        Status = ReporterStateMachine.Apply(from, happening);
        _pending.Add(Type, Id, action, from.ToString(), Status.ToString(), step);
    }
}

/// <summary>
/// An API key of a reporter: only its prefix and the SHA-256 of the whole key are kept (<see cref="ApiKeyText"/>);
/// the key itself is shown once, when it is created. A revoked key stays listed and is refused.
/// </summary>
public class ReporterApiKey
{
    public Guid Id { get; set; }
    public Guid ReporterId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Prefix { get; set; } = string.Empty;
    public string Hash { get; set; } = string.Empty;
    public string CreatedByUserId { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsActive => RevokedAt == null;
}

internal sealed class ReporterConfiguration : IEntityTypeConfiguration<Reporter>
{
    public void Configure(EntityTypeBuilder<Reporter> builder)
    {
        builder.ToTable("Reporters");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.OwnerUserId).HasMaxLength(450);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Services).HasConversion<int>();
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.LicenceNumber).HasMaxLength(TelecomLicence.MaxLength + 10);
        builder.Property(r => r.RegionCode).HasMaxLength(6);
        builder.Property(r => r.JurisdictionUnitCode).HasMaxLength(6);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.MayReport);
        builder.HasIndex(r => new { r.SubjectId, r.Role });
        builder.HasIndex(r => new { r.OwnerUserId, r.Role });
        builder.HasIndex(r => new { r.JurisdictionUnitCode, r.Status });
    }
}

internal sealed class ReporterApiKeyConfiguration : IEntityTypeConfiguration<ReporterApiKey>
{
    public void Configure(EntityTypeBuilder<ReporterApiKey> builder)
    {
        builder.ToTable("ReporterApiKeys");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(50);
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450);
        builder.Ignore(k => k.IsActive);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => k.ReporterId);
    }
}
