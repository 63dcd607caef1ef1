using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Captcha;

/// <summary>
/// One image captcha. Kept in the database, not in a node's memory, so that any node can check
/// it; used once, then spent.
/// </summary>
public class CaptchaChallenge
{
    public Guid Id { get; set; }
    public string Answer { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

internal sealed class CaptchaChallengeConfiguration : IEntityTypeConfiguration<CaptchaChallenge>
{
    public void Configure(EntityTypeBuilder<CaptchaChallenge> builder)
    {
        builder.Property(c => c.Answer).HasMaxLength(10);
        builder.HasIndex(c => c.ExpiresAt);
    }
}
