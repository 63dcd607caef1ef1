using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Beian.Web.Features.Messages;

/// <summary>站内信: a message to one account, 未读 until opened.</summary>
public class SiteMessage
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    public bool IsRead => ReadAt != null;
}

internal sealed class SiteMessageConfiguration : IEntityTypeConfiguration<SiteMessage>
{
    public void Configure(EntityTypeBuilder<SiteMessage> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.HasIndex(m => new { m.UserId, m.ReadAt, m.CreatedAt });
    }
}
