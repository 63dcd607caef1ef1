using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Infrastructure.Outbox;

/// <summary>
/// An SMS or email waiting to leave, written in the same transaction as the change that causes it.
/// The recipient is personal data and is stored encrypted.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; }
    public OutboxChannel Channel { get; set; }
    public string RecipientCipher { get; set; } = string.Empty;
    public string? Subject { get; set; }
    public string Body { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LeasedBy { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxChannel
{
    Sms,
    Email,
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.RecipientCipher).HasMaxLength(1024);
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(8000);
        builder.Property(m => m.LeasedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}
