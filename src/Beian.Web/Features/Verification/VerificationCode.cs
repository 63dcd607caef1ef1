using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Verification;

/// <summary>
/// One SMS code sent for one purpose to one number. Only a hash of the code is kept; the number is
/// referred to by its keyed hash.
/// </summary>
public class VerificationCode
{
    public Guid Id { get; set; }
    public VerificationPurpose Purpose { get; set; }
    public string MobileHash { get; set; } = string.Empty;
    public string? UserId { get; set; }
    public string CodeHash { get; set; } = string.Empty;
    public DateTime SentAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTime? ConsumedAt { get; set; }
}

public enum VerificationPurpose
{
    VerifyMobile,
    ChangeMobile,
    CancelSubject,
    TransferSubject,
    CancelWebsite,
    CancelApp,
    CancelMiniProgram,
}

internal sealed class VerificationCodeConfiguration : IEntityTypeConfiguration<VerificationCode>
{
    public void Configure(EntityTypeBuilder<VerificationCode> builder)
    {
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.MobileHash).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.MobileHash, c.SentAt });
    }
}
