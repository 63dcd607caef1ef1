using Beian.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Verification;

/// <summary>
/// The verification codes sent to one mobile number (by its keyed hash), shared by every node:
/// what <see cref="SmsSendLimits"/> decides on. <see cref="Version"/> changes with every send, so
/// of two nodes sending at once only one moves it.
/// </summary>
public class SmsRecipient
{
    public string MobileHash { get; set; } = string.Empty;
    public DateTime LastSentAt { get; set; }
    public DateOnly Day { get; set; }
    public int SentOnDay { get; set; }
    public int Version { get; set; }

    public SmsSendHistory History => new(LastSentAt, Day, SentOnDay);
}

internal sealed class SmsRecipientConfiguration : IEntityTypeConfiguration<SmsRecipient>
{
    public void Configure(EntityTypeBuilder<SmsRecipient> builder)
    {
        builder.ToTable("SmsRecipients");
        builder.HasKey(r => r.MobileHash);
        builder.Property(r => r.MobileHash).HasMaxLength(64);
        builder.HasIndex(r => r.LastSentAt);
    }
}
