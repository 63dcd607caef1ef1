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
/// numbers and the principal's mobile. Status changes follow <see cref="SubjectStateMachine"/>.
/// </summary>
public class Subject : IVersioned
{
    public Guid Id { get; set; }
    public string OwnerUserId { get; set; } = string.Empty;
    public SubjectNature Nature { get; set; }
    public string Name { get; set; } = string.Empty;
    public string DataCipher { get; set; } = string.Empty;
    /// <summary>Keyed hash of the 主办单位证件号 (单位) or the 负责人证件号码 (个人): claims match on it.</summary>
    public string CertificateHash { get; set; } = string.Empty;
    public string PrincipalCertificateHash { get; set; } = string.Empty;
    public string PrincipalMobileHash { get; set; } = string.Empty;
    public string JurisdictionUnitCode { get; set; } = string.Empty;
    public SubjectStatus Status { get; private set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public int Version { get; set; }

    public static Subject NewPending(string ownerUserId, DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerUserId = ownerUserId,
        Status = SubjectStatus.Pending,
        CreatedAt = nowUtc,
    };

    public void Apply(SubjectEvent happening) => Status = SubjectStateMachine.Apply(Status, happening);

    public bool IsCurrent => Status is not (SubjectStatus.Cancelled or SubjectStatus.Withdrawn);
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
