using Beian.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Subjects;

/// <summary>
/// 移交主体: a subject offered to another account, identified by the receiver's mobile number and
/// 居民身份证 number (kept only as keyed hashes). Open until received or withdrawn.
/// </summary>
public class SubjectTransfer : IVersioned
{
    public Guid Id { get; set; }
    public Guid SubjectId { get; set; }
    public string FromUserId { get; set; } = string.Empty;
    public string ReceiverMobileHash { get; set; } = string.Empty;
    public string ReceiverIdNumberHash { get; set; } = string.Empty;
    /// <summary>For the sender's screen: 138****0001.</summary>
    public string ReceiverMobileMasked { get; set; } = string.Empty;
    public TransferStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ReceivedByUserId { get; set; }
    public int Version { get; set; }
}

public enum TransferStatus
{
    Open,
    Received,
    Withdrawn,
}

internal sealed class SubjectTransferConfiguration : IEntityTypeConfiguration<SubjectTransfer>
{
    public void Configure(EntityTypeBuilder<SubjectTransfer> builder)
    {
        builder.Property(t => t.FromUserId).HasMaxLength(450);
        builder.Property(t => t.ReceivedByUserId).HasMaxLength(450);
        builder.Property(t => t.ReceiverMobileHash).HasMaxLength(64);
        builder.Property(t => t.ReceiverIdNumberHash).HasMaxLength(64);
        builder.Property(t => t.ReceiverMobileMasked).HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.ReceiverMobileHash, t.Status });
        builder.HasIndex(t => new { t.SubjectId, t.Status });
    }
}
